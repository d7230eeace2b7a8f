package org.origincheck.domain.bom;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import org.origincheck.domain.hs.HsCode;

/**
 * One line of the bill of materials. {@code hsCode} may be absent for a material whose classification
 * the producer does not have; the engine then asks for it only where a test needs it. {@code evidence}: where its origin
 * came from when not simply stated (null: stated, no supplier named); {@code intermediate}: its components, when it is an
 * intermediate material (its {@code origin} is then UNKNOWN until they are evaluated). {@code weight}: kilograms, for the de minimis by
 * weight of textile goods (SOR/2020-155 s.5(6)); usually absent.
 */
public record Material(int index, String partNumber, String description, HsCode hsCode, OriginStatus origin,
                       String countryOfOrigin, BigDecimal value, BigDecimal quantity, String unit, MaterialKind kind,
                       Boolean partOfGood, BigDecimal weight,
                       BigDecimal accumulatedNonOriginatingValue, OriginEvidence evidence, IntermediateMaterial intermediate,
                       Map<String, Boolean> declarations) {

    public Material(int index, String partNumber, String description, HsCode hsCode, OriginStatus origin,
                    String countryOfOrigin, BigDecimal value, BigDecimal quantity, String unit, MaterialKind kind,
                    Boolean partOfGood, BigDecimal weight,
                    BigDecimal accumulatedNonOriginatingValue, OriginEvidence evidence, IntermediateMaterial intermediate) {
        this(index, partNumber, description, hsCode, origin, countryOfOrigin, value, quantity, unit, kind, partOfGood, weight,
                accumulatedNonOriginatingValue, evidence, intermediate, null);
    }

    /** {@code declarations}: the producer's answers, by question id, to conditions the law states in words about this material. */
    public Material {
        declarations = declarations == null ? Map.of() : Map.copyOf(declarations);
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(kind, "kind");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("a material's value may not be negative");
        }
    }

    public Material(int index, String partNumber, String description, HsCode hsCode, OriginStatus origin,
                    String countryOfOrigin, BigDecimal value, BigDecimal quantity, String unit, MaterialKind kind, Boolean partOfGood) {
        this(index, partNumber, description, hsCode, origin, countryOfOrigin, value, quantity, unit, kind, partOfGood, null, null, null, null);
    }

    /** The same material with the origin its own components decided (an intermediate material, once evaluated). */
    public Material withOrigin(OriginStatus decided) {
        return new Material(index, partNumber, description, hsCode, decided, countryOfOrigin, value, quantity, unit, kind, partOfGood, weight,
                accumulatedNonOriginatingValue, evidence, intermediate, declarations);
    }

    /**
     * The same self-produced material counted in the VNM of the good it is used in with {@code vnm} rather than by its origin
     * ({@link IntermediateMaterial#valueInVnm()}); its origin, which the tariff shift reads, is unchanged.
     */
    public Material withValueInVnm(BigDecimal vnm) {
        return new Material(index, partNumber, description, hsCode, origin, countryOfOrigin, value, quantity, unit, kind, partOfGood, weight,
                accumulatedNonOriginatingValue, evidence, intermediate.withValueInVnm(vnm), declarations);
    }

    /** A self-produced material whose share of the VNM was fixed by the evaluation, not by its origin (s.7(5)(a)). */
    private boolean vnmFixedByEvaluation() {
        return intermediate != null && intermediate.valueInVnm() != null;
    }

    /** A material for which the producer has not said whether it is provided for as a part of the good. */
    public Material(int index, String partNumber, String description, HsCode hsCode, OriginStatus origin,
                    String countryOfOrigin, BigDecimal value, BigDecimal quantity, String unit, MaterialKind kind) {
        this(index, partNumber, description, hsCode, origin, countryOfOrigin, value, quantity, unit, kind, null, null, null, null, null);
    }

    /**
     * A hash of the fields that tell the materials of one bill of materials apart (its position, part number, classification,
     * origin and value), not of every field: the rules engine hashes every non-originating material it reads (Drools' {@code from}
     * keeps each in a hash map, twice per material per alternative), and the record's own hash walked every field and, for a
     * sub-assembly, the whole tree beneath it. Equal materials still hash alike (these fields are among those equality compares);
     * equality is unchanged.
     */
    @Override
    public int hashCode() {
        int h = 31 * index + Objects.hashCode(partNumber);
        h = 31 * h + Objects.hashCode(hsCode);
        h = 31 * h + origin.hashCode();
        return 31 * h + value.hashCode();
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

    /**
     * Its value in the VNM of the regional value content: its value, or, when its supplier stated the non-originating part of
     * it for accumulation (USMCA Art. 4.11; SOR/2020-155 s.9(2)-(3)), only that part (never more than its value); for a
     * self-produced material not designated, the value of the non-originating materials used to make it (s.7(5)(a)).
     */
    public BigDecimal valueInRegionalValueContent() {
        if (vnmFixedByEvaluation()) {
            return intermediate.valueInVnm();
        }
        return accumulatedNonOriginatingValue == null ? value : accumulatedNonOriginatingValue.min(value);
    }

    /**
     * Whether it adds to the VNM: a non-originating (or unknown) material of a kind counted there; a self-produced material not
     * designated an intermediate material, whether or not it originates, when non-originating materials were used to make it
     * (SOR/2020-155 s.7(5)(a)).
     */
    public boolean inValueOfNonOriginatingMaterials() {
        if (vnmFixedByEvaluation()) {
            return kind.countedInRegionalValueContent() && !kind.consideredOriginating() && intermediate.valueInVnm().signum() > 0;
        }
        return kind.countedInRegionalValueContent() && isNonOriginating();
    }

    public boolean preventsExclusivelyOriginating() {
        return kind.countedForExclusivelyOriginating() && isNonOriginating();
    }

    public String field(String name) {
        return "materials[" + index + "]." + name;
    }
}
