package org.origincheck.domain.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.origincheck.domain.automotive.VehicleClass;
import org.origincheck.domain.automotive.EndUse;
import org.origincheck.domain.hs.HsLevel;
import org.origincheck.domain.hs.HsRange;

/**
 * A product-specific rule of Annex 4-B, kept with its verbatim legal text and where it came from.
 * {@code endUses} empty means the rule applies whatever the end use. {@code notes} explains where another
 * provision changes how the text applies (e.g. SOR/2020-155 s.15(4)); {@code partsRuleUnavailable}, when
 * set, is why Art. 4.2(d) may not be used for the good, with its citation. {@code trade}: the trade the text is stated for, where
 * the provision has one text for trade between two Parties and another for all other trade ({@link DirectionOfTrade}); null
 * for all trade.
 */
public record ProductRule(String id, List<HsRange> scope, Set<EndUse> endUses, Set<VehicleClass> vehicleClasses, LocalDate effectiveFrom,
                          LocalDate effectiveTo, String text, String citation, String source, String verification,
                          List<RuleAlternative> alternatives, String notes, String partsRuleUnavailable,
                          ParseStatus parseStatus, String parseNote, String file, int line, DirectionOfTrade trade) {

    /** A rule for all trade ({@code trade} null). */
    public ProductRule(String id, List<HsRange> scope, Set<EndUse> endUses, Set<VehicleClass> vehicleClasses, LocalDate effectiveFrom,
                       LocalDate effectiveTo, String text, String citation, String source, String verification,
                       List<RuleAlternative> alternatives, String notes, String partsRuleUnavailable,
                       ParseStatus parseStatus, String parseNote, String file, int line) {
        this(id, scope, endUses, vehicleClasses, effectiveFrom, effectiveTo, text, citation, source, verification, alternatives, notes,
                partsRuleUnavailable, parseStatus, parseNote, file, line, null);
    }

    public ProductRule {
        scope = List.copyOf(scope);
        endUses = endUses == null ? Set.of() : Set.copyOf(endUses);
        vehicleClasses = vehicleClasses == null ? Set.of() : Set.copyOf(vehicleClasses);
        alternatives = List.copyOf(alternatives);
        if (scope.isEmpty()) {
            throw new IllegalArgumentException("rule " + id + " covers no HS provision");
        }
        HsLevel level = scope.get(0).level();
        if (scope.stream().anyMatch(r -> r.level() != level)) {
            throw new IllegalArgumentException("rule " + id + " mixes levels in its scope");
        }
        if (alternatives.isEmpty() && parseStatus != ParseStatus.MANUAL_REVIEW) {
            throw new IllegalArgumentException("rule " + id + " has no alternative");
        }
    }

    /** Whether the rule has a structured form the engine can apply (not awaiting manual review). */
    public boolean isApplicable() {
        return parseStatus != ParseStatus.MANUAL_REVIEW;
    }

    /** Applied from a text not verified against the official text: determinations under it are provisional (see {@link ParseStatus#PROVISIONAL}). */
    public boolean isProvisional() {
        return parseStatus == ParseStatus.PROVISIONAL;
    }

    public HsLevel level() {
        return scope.get(0).level();
    }

    public boolean inForceOn(LocalDate date) {
        return (effectiveFrom == null || !date.isBefore(effectiveFrom)) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    public boolean appliesTo(EndUse endUse) {
        return endUses.isEmpty() || (endUse != null && endUses.contains(endUse));
    }

    public boolean appliesTo(VehicleClass vehicleClass) {
        return vehicleClasses.isEmpty() || (vehicleClass != null && vehicleClasses.contains(vehicleClass));
    }

    /** The same rule with other alternatives (the automotive thresholds that replace the rule's own), a note and citation. */
    public ProductRule withAlternatives(List<RuleAlternative> replaced, String addedCitation, String partsRuleBar) {
        return new ProductRule(id, scope, endUses, vehicleClasses, effectiveFrom, effectiveTo, text,
                addedCitation == null ? citation : citation + "; " + addedCitation, source, verification, replaced, notes,
                partsRuleBar == null ? partsRuleUnavailable : partsRuleBar, parseStatus, parseNote, file, line, trade);
    }

    /**
     * The alternatives that apply to a good with these declarations (SOR/2020-155 s.3(6): any one of them suffices).
     * An alternative for a good described in words applies only when the good is declared to be (or, for "any other
     * good", not to be) that good; while a declaration that decides whether an alternative applies is missing, the rule
     * cannot be applied, and the lookup asks for it.
     */
    public RuleLookup forDeclarations(java.util.Map<String, Boolean> declarations) {
        if (alternatives.stream().allMatch(a -> a.goodConditions().isEmpty())) {
            return new RuleLookup.Found(this);
        }
        List<RuleAlternative> applicable = new java.util.ArrayList<>();
        List<Question> unanswered = new java.util.ArrayList<>();
        for (RuleAlternative alternative : alternatives) {
            boolean excluded = false;
            List<Question> open = new java.util.ArrayList<>();
            for (GoodCondition condition : alternative.goodConditions()) {
                Boolean answer = condition.question().answerIn(declarations);
                if (answer == null) {
                    open.add(condition.question());
                } else if (answer != condition.required()) {
                    excluded = true;
                }
            }
            if (excluded) {
                continue;
            }
            if (open.isEmpty()) {
                applicable.add(alternative);
            } else {
                open.stream().filter(q -> !unanswered.contains(q)).forEach(unanswered::add);
            }
        }
        if (!unanswered.isEmpty()) {
            return new RuleLookup.NeedsDeclarations(this, unanswered);
        }
        if (applicable.isEmpty()) {
            return new RuleLookup.NeedsMoreData("good.declarations", "rule " + id + " (" + citation + ") states alternatives only for goods"
                    + " described as " + String.join("; ", goodQuestions().stream().map(q -> "\"" + q.words() + "\"").toList())
                    + ", and the good is declared to be none of them; a compliance officer must classify or apply it by hand");
        }
        return new RuleLookup.Found(new ProductRule(id, scope, endUses, vehicleClasses, effectiveFrom, effectiveTo, text, citation,
                source, verification, applicable, notes, partsRuleUnavailable, parseStatus, parseNote, file, line, trade));
    }

    /** The conditions on the good stated in words, in the order of the text. */
    public List<Question> goodQuestions() {
        List<Question> out = new java.util.ArrayList<>();
        for (RuleAlternative alternative : alternatives) {
            alternative.goodConditions().stream().map(GoodCondition::question).filter(q -> !out.contains(q)).forEach(out::add);
        }
        return out;
    }

    /** The provisos the producer declares ("provided that the good ... is the product of a chemical reaction"), answered in good.declarations. */
    public List<Question> provisoQuestions() {
        List<Question> out = new java.util.ArrayList<>();
        for (RuleAlternative alternative : alternatives) {
            alternative.provisos().stream().filter(p -> p instanceof Proviso.Declared).map(p -> ((Proviso.Declared) p).question())
                    .filter(q -> !out.contains(q)).forEach(out::add);
            // The chapter rules attached to the alternative that the producer answers about the good.
            for (Proviso proviso : alternative.provisos()) {
                if (proviso instanceof Proviso.ChapterRuleCondition c) {
                    ChapterRule rule = c.rule();
                    java.util.List<Question> asked = new java.util.ArrayList<>();
                    if (rule.appliesTo() != null) {
                        asked.add(rule.appliesTo().question());
                    }
                    if (rule.kind() == ChapterRule.Kind.POCKET_BAG_FABRIC) {
                        asked.add(rule.condition());
                        asked.add(rule.question());
                    }
                    asked.stream().filter(q -> !out.contains(q)).forEach(out::add);
                }
            }
        }
        return out;
    }

    /** The conditions on materials stated in words, in the order of the text. */
    public List<Question> materialQuestions() {
        List<Question> out = new java.util.ArrayList<>();
        for (RuleAlternative alternative : alternatives) {
            if (alternative.tariffShift() != null) {
                alternative.tariffShift().questions().stream().filter(q -> !out.contains(q)).forEach(out::add);
            }
            // Chapter rules answered material by material: the classifying component, thread and fabrics formed and finished.
            for (Proviso proviso : alternative.provisos()) {
                if (proviso instanceof Proviso.ChapterRuleCondition c && c.rule().kind() != ChapterRule.Kind.POCKET_BAG_FABRIC
                        && !out.contains(c.rule().question())) {
                    out.add(c.rule().question());
                }
            }
        }
        return out;
    }

    public String hsScope() {
        return String.join(", ", scope.stream().map(HsRange::toString).toList());
    }

    public String location() {
        return file + ":" + line;
    }
}
