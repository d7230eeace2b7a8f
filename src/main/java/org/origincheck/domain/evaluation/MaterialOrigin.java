package org.origincheck.domain.evaluation;

import java.util.List;
import org.origincheck.domain.bom.OriginSource;
import org.origincheck.domain.bom.OriginStatus;

/**
 * How one material's origin was decided, as the answer shows it: the origin used, its source, and the id of the
 * evidence (a declaration or a determination) when one decided it. {@code supplierId} is the supplier named, if any.
 * For an intermediate material (originSource COMPONENTS): its own {@code determination} and how each of its
 * {@code components} was decided; both null otherwise.
 */
public record MaterialOrigin(int index, String partNumber, OriginStatus origin, OriginSource originSource, String originSourceId,
                             String supplierId, Evaluation determination, List<MaterialOrigin> components) {

    public MaterialOrigin(int index, String partNumber, OriginStatus origin, OriginSource originSource, String originSourceId, String supplierId) {
        this(index, partNumber, origin, originSource, originSourceId, supplierId, null, null);
    }
}
