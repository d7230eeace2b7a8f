package org.origincheck.domain.bom;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.origincheck.domain.automotive.AutomotiveFacts;

/**
 * A producer's submission: the good, its materials, the date on which origin is determined, and, for
 * automotive goods, the producer-level facts (null when none were given).
 */
public record BillOfMaterials(String reference, LocalDate asOf, Good good, List<Material> materials, AutomotiveFacts automotive) {

    public BillOfMaterials(String reference, LocalDate asOf, Good good, List<Material> materials) {
        this(reference, asOf, good, materials, null);
    }

    public BillOfMaterials {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(good, "good");
        materials = List.copyOf(materials);
    }
}
