package org.origincheck.domain.bom;

import java.math.BigDecimal;
import java.util.List;

/**
 * What makes a material a self-produced material (SOR/2020-155 s.1 "self-produced material"; USMCA Art. 4.8): its own
 * components, and its own figures for its regional value content. Its origin is not stated: it is determined first, under its
 * own rule. {@code field}: where it is in the submission ("materials[2]"), to name its missing facts there.
 * <p>
 * {@code designated}: the producer's choice under s.8(6), "solely at the choice of the producer" (s.8(7)(b)): true, designated
 * an intermediate material (it must itself originate to count as originating, s.8(7)(a); originating, none of the
 * non-originating materials used to make it are in the good's VNM, s.7(4)(b)); false, not designated (only the value of the
 * non-originating materials used to make it is in the good's VNM, whether or not it originates, s.7(5)(a)); null, not stated.
 * <p>
 * {@code valueInVnm}: set by the evaluation, never by the submitter: what this material adds to the VNM of the good it is used
 * in when that is not decided by its origin as a designated intermediate material (not designated, s.7(5)(a); or one of the
 * two treatments tried for a choice not stated). Null: by its origin, as any material.
 */
public record IntermediateMaterial(String field, BigDecimal transactionValue, BigDecimal netCost, Costs costs, List<Material> components,
                                   Boolean designated, BigDecimal valueInVnm) {

    public IntermediateMaterial {
        components = List.copyOf(components);
    }

    /** Designation not stated. */
    public IntermediateMaterial(String field, BigDecimal transactionValue, BigDecimal netCost, Costs costs, List<Material> components) {
        this(field, transactionValue, netCost, costs, components, null, null);
    }

    public IntermediateMaterial(String field, BigDecimal transactionValue, BigDecimal netCost, Costs costs, List<Material> components,
                                Boolean designated) {
        this(field, transactionValue, netCost, costs, components, designated, null);
    }

    /** The same material counted in the VNM of the good it is used in with {@code value} (null: by its origin). */
    public IntermediateMaterial withValueInVnm(BigDecimal value) {
        return new IntermediateMaterial(field, transactionValue, netCost, costs, components, designated, value);
    }
}
