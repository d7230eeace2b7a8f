package org.origincheck.domain.bom;

import java.math.BigDecimal;
import java.util.List;

/**
 * What makes a material an intermediate material (USMCA Art. 4.8; SOR/2020-155 s.8(6)): its own components, and its own
 * figures for its regional value content. Its origin is not stated: it is determined first, under its own rule.
 * {@code field}: where it is in the submission ("materials[2]"), to name its missing facts there.
 */
public record IntermediateMaterial(String field, BigDecimal transactionValue, BigDecimal netCost, Costs costs, List<Material> components) {

    public IntermediateMaterial {
        components = List.copyOf(components);
    }
}
