package org.origincheck.domain.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.rules.MoreThanOneOf;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.RuleAlternative;
import org.origincheck.domain.rules.RvcRequirement;
import org.origincheck.domain.rules.ShiftOutcome;
import org.origincheck.domain.rules.TariffShift;

/**
 * One alternative of the selected product-specific rule, as a fact the rules reason over. {@code presence}: for an
 * alternative "except from more than one of the following", which groups the non-originating materials are in (null
 * otherwise), so each material's outcome can see the others'. {@code subject}: the good it is tested for, where one rules
 * session evaluates several goods (the intermediate materials of one level of a BOM); two goods under the same rule have
 * equal alternatives otherwise, and the rules join on it. Null where only one good is evaluated.
 */
public record AlternativeUnderTest(String label, RuleAlternative alternative, String citation, HsCode good,
                                   MoreThanOneOf.Presence presence, EvaluationSubject subject) {

    /**
     * The alternatives of {@code rule} for a good of {@code good} made from {@code nonOriginating} (the materials the
     * shift is tested on are those of them subject to it).
     */
    public static List<AlternativeUnderTest> of(ProductRule rule, HsCode good, List<Material> nonOriginating) {
        return of(rule, good, nonOriginating, null);
    }

    /** The alternatives of the subject's rule, each tied to the subject. */
    public static List<AlternativeUnderTest> of(EvaluationSubject subject) {
        return of(subject.rule().orElseThrow(), subject.good().hsCode(), subject.nonOriginatingMaterials(), subject);
    }

    private static List<AlternativeUnderTest> of(ProductRule rule, HsCode good, List<Material> nonOriginating, EvaluationSubject subject) {
        List<HsCode> tested = nonOriginating.stream().filter(Material::subjectToTariffShift).map(Material::hsCode).toList();
        List<AlternativeUnderTest> out = new ArrayList<>();
        for (RuleAlternative alternative : rule.alternatives()) {
            MoreThanOneOf groups = alternative.tariffShift() == null ? null : alternative.tariffShift().exceptMoreThanOne();
            out.add(new AlternativeUnderTest(alternative.label(), alternative, rule.citation(), good,
                    groups == null ? null : groups.presence(tested), subject));
        }
        return out;
    }

    public boolean requiresTariffShift() {
        return alternative.tariffShift() != null;
    }

    public boolean requiresRegionalValueContent() {
        return alternative.regionalValueContent() != null;
    }

    /** The tariff-shift outcome of one material under this alternative. */
    public ShiftOutcome shiftOf(Material material) {
        return alternative.tariffShift().test(good, material.hsCode(), material.declarations(), presence);
    }

    /**
     * Whether the material's own classification and declarations would decide its outcome, and only the classification of
     * other materials (in "more than one of the following") leaves it open: then it is not the material to ask about.
     */
    public boolean undeterminedOnlyByOthers(Material material) {
        MoreThanOneOf groups = alternative.tariffShift().exceptMoreThanOne();
        if (groups == null || material.hsCode() == null || shiftOf(material) != ShiftOutcome.UNDETERMINED) {
            return false;
        }
        // Alone in the bill of materials, the group exception cannot take it: what is left open is its own shift, if anything.
        MoreThanOneOf.Presence alone = groups.presence(List.of(material.hsCode()));
        return groups.classifies(material.hsCode())
                && alternative.tariffShift().test(good, material.hsCode(), material.declarations(), alone) != ShiftOutcome.UNDETERMINED;
    }

    public TariffShift tariffShift() {
        return alternative.tariffShift();
    }

    public RvcRequirement regionalValueContent() {
        return alternative.regionalValueContent();
    }
}
