package org.origincheck.domain.bom;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A producer's submission: the good, its materials, and the date on which origin is determined. */
public record BillOfMaterials(String reference, LocalDate asOf, Good good, List<Material> materials) {

    public BillOfMaterials {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(good, "good");
        materials = List.copyOf(materials);
    }
}
