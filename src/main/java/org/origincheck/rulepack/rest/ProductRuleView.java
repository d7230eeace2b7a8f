package org.origincheck.rulepack.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.origincheck.domain.automotive.EndUse;
import org.origincheck.domain.hs.HsLevel;
import org.origincheck.domain.hs.HsRange;
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
                              String notes, String partsRuleUnavailable, String parseNote) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AlternativeView(String label, ShiftView tariffShift, RvcView regionalValueContent) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ShiftView(String description, List<FromView> from, List<String> except) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FromView(HsLevel anyOther, List<String> outside, List<String> provisions) {
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
                rule.notes(), rule.partsRuleUnavailable(), rule.parseNote());
    }

    private static AlternativeView alternative(RuleAlternative alternative) {
        ShiftView shift = alternative.tariffShift() == null ? null : new ShiftView(alternative.tariffShift().describe(),
                alternative.tariffShift().from().stream().map(ProductRuleView::from).toList(),
                alternative.tariffShift().except().stream().map(HsRange::toString).toList());
        RvcView rvc = alternative.regionalValueContent() == null ? null : new RvcView(
                dated(alternative.regionalValueContent().transactionValue()), dated(alternative.regionalValueContent().netCost()));
        return new AlternativeView(alternative.label(), shift, rvc);
    }

    private static FromView from(ShiftSource source) {
        if (source instanceof ShiftSource.AnyOther any) {
            return new FromView(any.level(), null, null);
        }
        if (source instanceof ShiftSource.Outside outside) {
            return new FromView(null, outside.ranges().stream().map(HsRange::toString).toList(), null);
        }
        ShiftSource.From from = (ShiftSource.From) source;
        return new FromView(null, null, from.ranges().stream().map(HsRange::toString).toList());
    }

    static List<DatedValueView> dated(Threshold threshold) {
        return threshold == null ? null : threshold.schedule().stream()
                .map(v -> new DatedValueView(v.from(), v.to(), v.value())).toList();
    }
}
