package org.origincheck.domain.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.rules.ChapterRule;
import org.origincheck.domain.rules.MoreThanOneOf;
import org.origincheck.domain.rules.Proviso;
import org.origincheck.domain.rules.Question;
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
 * equal alternatives otherwise. The rules of an alternative reach its good through it; null only outside a rules session.
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
        List<HsCode> tested = null; // only for "except from more than one of the following", which few rules have
        List<AlternativeUnderTest> out = new ArrayList<>(rule.alternatives().size());
        for (RuleAlternative alternative : rule.alternatives()) {
            MoreThanOneOf groups = alternative.tariffShift() == null ? null : alternative.tariffShift().exceptMoreThanOne();
            if (groups != null && tested == null) {
                tested = nonOriginating.stream().filter(Material::subjectToTariffShift).map(Material::hsCode).toList();
            }
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

    /**
     * The tariff-shift outcome of one material under this alternative. Under a chapter rule "the rule applicable to that good
     * shall only apply to the component that determines the tariff classification of the good" (GN 11(o) chapter 61 rule 1,
     * 62 rule 2, 63 rule 1; SOR/2020-155 s.5(9)), a material the producer declares not part of that component is disregarded
     * (ALLOWED: it is not tested), and a material that would fail and is not declared either way is UNDETERMINED: whether it is
     * part of the component decides it, so that is asked ({@link #unanswered(Material)}). A material that meets the shift
     * anyway is never asked.
     */
    public ShiftOutcome shiftOf(Material material) {
        ShiftOutcome outcome = alternative.tariffShift().test(good, material.hsCode(), material.declarations(), presence);
        Question component = classifyingComponent();
        if (component == null || outcome == ShiftOutcome.ALLOWED) {
            return outcome;
        }
        Boolean part = component.answerIn(material.declarations());
        if (Boolean.FALSE.equals(part)) {
            return ShiftOutcome.ALLOWED;
        }
        return part == null && outcome.fails() ? ShiftOutcome.UNDETERMINED : outcome;
    }

    /**
     * The question of the chapter rule that limits the shift to the component that determines the good's classification, or
     * null when no such rule governs this alternative.
     */
    public Question classifyingComponent() {
        for (Proviso proviso : alternative.provisos()) {
            if (proviso instanceof Proviso.ChapterRuleCondition c && c.rule().kind() == ChapterRule.Kind.CLASSIFYING_COMPONENT) {
                return c.rule().question();
            }
        }
        return null;
    }

    /**
     * Whether the material is undetermined only because it is not declared part (or not part) of the classifying component:
     * its classification and declarations would otherwise make it fail.
     */
    public boolean undeterminedOnlyByComponent(Material material) {
        Question component = classifyingComponent();
        return component != null && component.answerIn(material.declarations()) == null
                && alternative.tariffShift().test(good, material.hsCode(), material.declarations(), presence).fails();
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
