package org.origincheck.domain.bom;

import java.math.BigDecimal;
import java.util.Objects;
import org.origincheck.domain.hs.HsCode;

/**
 * One line of the bill of materials. {@code hsCode} may be absent for a material whose classification
 * the producer does not have; the engine then asks for it only where a test needs it.
 */
public record Material(int index, String partNumber, String description, HsCode hsCode, OriginStatus origin,
                       String countryOfOrigin, BigDecimal value, BigDecimal quantity, String unit, MaterialKind kind,
                       Boolean partOfGood, BigDecimal weight) {

    /** {@code weight}: kilograms, for the de minimis by weight of textile goods (SOR/2020-155 s.5(6)); usually absent. */
    public Material(int index, String partNumber, String description, HsCode hsCode, OriginStatus origin,
                    String countryOfOrigin, BigDecimal value, BigDecimal quantity, String unit, MaterialKind kind, Boolean partOfGood) {
        this(index, partNumber, description, hsCode, origin, countryOfOrigin, value, quantity, unit, kind, partOfGood, null);
    }

    public Material {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(kind, "kind");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("a material's value may not be negative");
        }
    }

    /** A material for which the producer has not said whether it is provided for as a part of the good. */
    public Material(int index, String partNumber, String description, HsCode hsCode, OriginStatus origin,
                    String countryOfOrigin, BigDecimal value, BigDecimal quantity, String unit, MaterialKind kind) {
        this(index, partNumber, description, hsCode, origin, countryOfOrigin, value, quantity, unit, kind, null);
    }

    /** How the material is named in reasons: its part number, or its position when it has none. */
    public String label() {
        return partNumber != null && !partNumber.isBlank() ? partNumber : "materials[" + index + "]";
    }

    /** Non-originating for the purposes of the rules: UNKNOWN counts as non-originating, indirect materials never do. */
    public boolean isNonOriginating() {
        return !kind.consideredOriginating() && !origin.isOriginating();
    }

    public boolean subjectToTariffShift() {
        return kind.subjectToTariffShift() && isNonOriginating();
    }

    public boolean inValueOfNonOriginatingMaterials() {
        return kind.countedInRegionalValueContent() && isNonOriginating();
    }

    public boolean preventsExclusivelyOriginating() {
        return kind.countedForExclusivelyOriginating() && isNonOriginating();
    }

    public String field(String name) {
        return "materials[" + index + "]." + name;
    }
}
