package org.origincheck.domain.bom;

/**
 * How one material's origin was decided, as the answer shows it: the origin used, its source, and the id of the
 * evidence (a declaration or a determination) when one decided it. {@code supplierId} is the supplier named, if any.
 */
public record MaterialOrigin(int index, String partNumber, OriginStatus origin, OriginSource originSource, String originSourceId,
                             String supplierId) {
}
