package org.origincheck.rulepack.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.origincheck.domain.rules.Parameter;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.domain.rules.SourceDocument;

public record RulePackView(String id, String version, String sha256, LocalDate effectiveFrom, LocalDate effectiveTo,
                           List<SourceDocument> sourceDocuments, int productRuleCount, List<ParameterView> parameters,
                           Map<String, String> options) {

    public record ParameterView(String name, String description, String reference,
                                List<ProductRuleView.DatedValueView> values) {
        static ParameterView of(Parameter p) {
            return new ParameterView(p.name(), p.description(), p.reference(), ProductRuleView.dated(p.values()));
        }
    }

    public static RulePackView of(RulePack pack) {
        return new RulePackView(pack.id(), pack.version(), pack.sha256(), pack.effectiveFrom(), pack.effectiveTo(),
                pack.sources(), pack.productRules().all().size(),
                pack.parameters().byName().values().stream().map(ParameterView::of)
                        .sorted(java.util.Comparator.comparing(ParameterView::name)).toList(),
                pack.options());
    }
}
