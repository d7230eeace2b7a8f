package org.origincheck.rulepack.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.origincheck.domain.automotive.EndUse;
import org.origincheck.domain.hs.HsLevel;
import org.origincheck.domain.hs.HsRange;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.origincheck.domain.rules.DescribedProvisions;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.RuleAlternative;
import org.origincheck.domain.rules.ShiftSource;
import org.origincheck.domain.dated.Threshold;

/** A product-specific rule as served: verbatim text, provenance, and the structured form in the pack's own format. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductRuleView(String id, List<String> scope, List<EndUse> endUses, LocalDate effectiveFrom, LocalDate effectiveTo,
                              String text, String citation, String source, String verification,
                              @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "PARSED (from the text), HAND_ENCODED, "
                                      + "PROVISIONAL (the text is not verified against the official text: applied, every determination under it "
                                      + "provisional and reviewed; parseNote says why) or MANUAL_REVIEW (not applied: determinations answer "
                                      + "INSUFFICIENT_DATA; parseNote says why)",
                                      enumeration = {"PARSED", "HAND_ENCODED", "PROVISIONAL", "MANUAL_REVIEW"}) String parseStatus,
                              List<AlternativeView> alternatives,
                              String notes, String partsRuleUnavailable, String parseNote,
                              @Schema(description = "Conditions the rule states in words, which a classification cannot show: "
                                      + "answer each in good.declarations (about GOOD) or materials[].declarations (about MATERIAL) "
                                      + "under its id, true or false. words are the exact words of the rule text.")
                              List<QuestionView> questions,
                              @Schema(description = "The trade the text is stated for, where a provision has one text for trade between "
                                      + "two Parties and another for all other trade: CANADA_UNITED_STATES or MEXICO_UNITED_STATES (a good "
                                      + "imported into either Party from the other, good.importingCountry and good.importedFrom) or "
                                      + "ALL_OTHER_TRADE; absent for a rule that applies to all trade",
                                      enumeration = {"CANADA_UNITED_STATES", "MEXICO_UNITED_STATES", "ALL_OTHER_TRADE"}) String trade) {

    /** A condition stated in words: its stable id, the words of the law, and whether the good or a material answers it. */
    public record QuestionView(String id, String words, String about) {
    }

    /** The alternative applies only when the good's declaration {@code question} is {@code answer}. */
    public record ConditionView(String question, boolean answer) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record AlternativeView(String label, ShiftView tariffShift, RvcView regionalValueContent, List<ConditionView> appliesWhen) {
    }

    /**
     * {@code exceptMoreThanOneOf}: "except from more than one of the following: (A) ..., (B) ...", each group's provisions by
     * its label; the shift fails when non-originating materials come from two or more of the groups.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ShiftView(String description, List<FromView> from, List<String> except, List<FromView> exceptDescribed,
                            @Schema(description = "'except from more than one of the following': the provisions of each labelled group;"
                                    + " the change is not met when non-originating materials come from two or more groups")
                            java.util.Map<String, List<String>> exceptMoreThanOneOf) {
    }

    /**
     * One "from" clause: {@code anyOther} (with {@code within}: "any other subheading within heading 8518"), {@code outside},
     * {@code provisions} (with {@code question}: materials of them named by words), or {@code withinOwn} (the good's own
     * provision at that level, with {@code question} for "any other good within that subheading").
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FromView(HsLevel anyOther, List<String> outside, List<String> provisions, List<String> within, HsLevel withinOwn,
                           String question) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RvcView(List<DatedValueView> transactionValue, List<DatedValueView> netCost) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DatedValueView(LocalDate from, LocalDate to, BigDecimal value) {
    }

    public static ProductRuleView of(ProductRule rule) {
        return new ProductRuleView(rule.id(), rule.scope().stream().map(HsRange::toString).toList(),
                rule.endUses().stream().sorted().toList(), rule.effectiveFrom(), rule.effectiveTo(), rule.text(),
                rule.citation(), rule.source(), rule.verification(), rule.parseStatus().name(),
                rule.alternatives().stream().map(ProductRuleView::alternative).toList(),
                rule.notes(), rule.partsRuleUnavailable(), rule.parseNote(), questions(rule),
                rule.trade() == null ? null : rule.trade().name());
    }

    private static List<QuestionView> questions(ProductRule rule) {
        List<QuestionView> out = new java.util.ArrayList<>();
        rule.goodQuestions().forEach(q -> out.add(new QuestionView(q.id(), q.words(), "GOOD")));
        // A declared proviso is answered like a described good, in good.declarations.
        rule.provisoQuestions().stream().filter(q -> out.stream().noneMatch(v -> v.id().equals(q.id())))
                .forEach(q -> out.add(new QuestionView(q.id(), q.words(), "GOOD")));
        rule.materialQuestions().forEach(q -> out.add(new QuestionView(q.id(), q.words(), "MATERIAL")));
        return out;
    }

    private static AlternativeView alternative(RuleAlternative alternative) {
        ShiftView shift = alternative.tariffShift() == null ? null : new ShiftView(alternative.tariffShift().describe(),
                alternative.tariffShift().from().stream().map(ProductRuleView::from).toList(),
                alternative.tariffShift().except().stream().map(HsRange::toString).toList(),
                alternative.tariffShift().exceptDescribed().stream().map(ProductRuleView::described).toList(),
                moreThanOneOf(alternative.tariffShift().exceptMoreThanOne()));
        RvcView rvc = alternative.regionalValueContent() == null ? null : new RvcView(
                dated(alternative.regionalValueContent().transactionValue()), dated(alternative.regionalValueContent().netCost()));
        return new AlternativeView(alternative.label(), shift, rvc, alternative.goodConditions().stream()
                .map(c -> new ConditionView(c.question().id(), c.required())).toList());
    }

    private static java.util.Map<String, List<String>> moreThanOneOf(org.origincheck.domain.rules.MoreThanOneOf groups) {
        java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        if (groups != null) {
            groups.groups().forEach(g -> out.put(g.label(), g.ranges().stream().map(HsRange::toString).toList()));
        }
        return out;
    }

    private static FromView described(DescribedProvisions described) {
        return new FromView(null, null, described.ranges().stream().map(HsRange::toString).toList(), null, null, described.question().id());
    }

    private static FromView from(ShiftSource source) {
        if (source instanceof ShiftSource.AnyOther any) {
            return new FromView(any.level(), null, null, null, null, null);
        }
        if (source instanceof ShiftSource.Outside outside) {
            return new FromView(null, outside.ranges().stream().map(HsRange::toString).toList(), null, null, null, null);
        }
        if (source instanceof ShiftSource.Described described) {
            return described(described.materials());
        }
        if (source instanceof ShiftSource.SameProvision same) {
            return new FromView(null, null, null, null, same.level(), same.question() == null ? null : same.question().id());
        }
        if (source instanceof ShiftSource.OtherWithin within) {
            return new FromView(within.level(), null, null, within.ranges().stream().map(HsRange::toString).toList(), null, null);
        }
        ShiftSource.From from = (ShiftSource.From) source;
        return new FromView(null, null, from.ranges().stream().map(HsRange::toString).toList(), null, null, null);
    }

    static List<DatedValueView> dated(Threshold threshold) {
        return threshold == null ? null : threshold.schedule().stream()
                .map(v -> new DatedValueView(v.from(), v.to(), v.value())).toList();
    }
}
