package org.origincheck.rulepack;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.origincheck.domain.hs.HsLevel;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.rules.ProductRule;

/**
 * Checks across rules that no HS provision is covered twice. Two rules may share a scope only as
 * variants: for different end uses, for trade between two Parties and for all other trade, or in periods that do not overlap. Alternatives within one rule
 * are the law's way of offering a choice, so they live inside a rule, never as two rules.
 */
final class RuleBookValidator {

    private final RulePackLoader.Problems problems;

    RuleBookValidator(RulePackLoader.Problems problems) {
        this.problems = problems;
    }

    void validate(List<ProductRule> rules) {
        Map<String, ProductRule> ids = new HashMap<>();
        for (ProductRule rule : rules) {
            ProductRule previous = ids.putIfAbsent(rule.id(), rule);
            if (previous != null) {
                problems.add(rule.file(), rule.line(), "rule id " + rule.id() + " is already used at " + previous.location());
            }
        }
        checkDirectionsOfTrade(rules);
        checkOtherTariffItems(rules);
        record Covered(HsRange range, ProductRule rule) {
        }
        for (HsLevel level : HsLevel.values()) {
            List<Covered> covered = new ArrayList<>();
            for (ProductRule rule : rules) {
                for (HsRange range : rule.scope()) {
                    if (range.level() == level) {
                        covered.add(new Covered(range, rule));
                    }
                }
            }
            covered.sort(Comparator.comparing((Covered c) -> c.range().from()).thenComparing(c -> c.range().to()));
            for (int i = 0; i < covered.size(); i++) {
                for (int j = i + 1; j < covered.size() && covered.get(j).range().from().compareTo(covered.get(i).range().to()) <= 0; j++) {
                    Covered a = covered.get(i);
                    Covered b = covered.get(j);
                    if (a.rule() == b.rule()) {
                        problems.add(a.rule().file(), a.rule().line(), "rule " + a.rule().id() + " lists overlapping provisions "
                                + a.range() + " and " + b.range());
                    } else if (!a.range().equals(b.range())) {
                        problems.add(b.rule().file(), b.rule().line(), "rule " + b.rule().id() + " (" + b.range() + ") overlaps rule "
                                + a.rule().id() + " (" + a.range() + ") at " + a.rule().location()
                                + ": the same provision may not be covered by two rules");
                    } else if (!variants(a.rule(), b.rule())) {
                        problems.add(b.rule().file(), b.rule().line(), "rules " + a.rule().id() + " and " + b.rule().id()
                                + " both cover " + a.range() + " for the same end use in overlapping periods; declare them as alternatives of one rule");
                    }
                }
            }
        }
    }

    /**
     * Rules sharing a scope are variants when they serve different end uses (one may be the generic "any
     * other use" rule, which the index uses only when no end-use-specific rule applies) or different periods.
     */
    private static boolean variants(ProductRule a, ProductRule b) {
        boolean endUsesDisjoint = !a.endUses().isEmpty() && !b.endUses().isEmpty()
                && a.endUses().stream().noneMatch(b.endUses()::contains);
        boolean genericBesideSpecific = a.endUses().isEmpty() != b.endUses().isEmpty();
        boolean vehicleClassesDisjoint = !a.vehicleClasses().isEmpty() && !b.vehicleClasses().isEmpty()
                && a.vehicleClasses().stream().noneMatch(b.vehicleClasses()::contains);
        boolean bilateralBesideAllOther = a.trade() != null && b.trade() != null && a.trade().bilateral() != b.trade().bilateral();
        return endUsesDisjoint || genericBesideSpecific || vehicleClassesDisjoint || bilateralBesideAllOther || periodsDisjoint(a, b);
    }

    /**
     * "A change to any other tariff item within subheading 8471.80 ..." is the subheading's rule for the tariff items that have
     * no rule of their own; the index applies it only to those, so the pack must hold the tariff-item rules the "other" is
     * other than.
     */
    private void checkOtherTariffItems(List<ProductRule> rules) {
        for (ProductRule rule : rules) {
            // Also "A change to any other good of subheading 8536.30" in a text that describes no good (PsrTextParser: read the same way).
            boolean otherGoods = rule.parseStatus() != org.origincheck.domain.rules.ParseStatus.HAND_ENCODED
                    && rule.scope().size() == 1 && rule.scope().get(0).isSingle()
                    && rule.text().contains("A change to any other good of subheading " + rule.scope().get(0))
                    && rule.alternatives().stream().allMatch(a -> a.goodConditions().isEmpty());
            if (!rule.isApplicable() || !(rule.text().contains("any other tariff item within") || otherGoods)
                    || rule.level() != HsLevel.SUBHEADING) {
                continue;
            }
            String subheading = rule.scope().get(0).from();
            boolean items = rules.stream().anyMatch(r -> r.level() == HsLevel.TARIFF_ITEM
                    && r.scope().stream().anyMatch(range -> range.from().startsWith(subheading)));
            if (!items) {
                problems.add(rule.file(), rule.line(), "rule " + rule.id() + " is for \"any other\" tariff item or good of " + rule.hsScope()
                        + ", but the pack has no rule for a tariff item of it: 'other' would refer to nothing");
            }
        }
    }

    /**
     * A provision's text for trade between two Parties and its text for all other trade come as a pair (the same scope and
     * period), so that every good finds exactly one of them: a lone text would leave the other trade without a rule.
     */
    private void checkDirectionsOfTrade(List<ProductRule> rules) {
        for (ProductRule rule : rules) {
            if (rule.trade() == null) {
                continue;
            }
            boolean paired = rules.stream().anyMatch(other -> other != rule && other.trade() != null
                    && other.trade().bilateral() != rule.trade().bilateral() && other.scope().equals(rule.scope())
                    && java.util.Objects.equals(other.effectiveFrom(), rule.effectiveFrom())
                    && java.util.Objects.equals(other.effectiveTo(), rule.effectiveTo()));
            if (!paired) {
                problems.add(rule.file(), rule.line(), "rule " + rule.id() + " is the text of " + rule.hsScope() + " for "
                        + rule.trade().words() + ", but no rule of the same scope and period is the text for "
                        + (rule.trade().bilateral() ? "all other trade" : "trade between two Parties")
                        + ": each direction of trade needs its text");
            }
        }
    }

    private static boolean periodsDisjoint(ProductRule a, ProductRule b) {
        LocalDate aFrom = a.effectiveFrom() == null ? LocalDate.MIN : a.effectiveFrom();
        LocalDate aTo = a.effectiveTo() == null ? LocalDate.MAX : a.effectiveTo();
        LocalDate bFrom = b.effectiveFrom() == null ? LocalDate.MIN : b.effectiveFrom();
        LocalDate bTo = b.effectiveTo() == null ? LocalDate.MAX : b.effectiveTo();
        return aTo.isBefore(bFrom) || bTo.isBefore(aFrom);
    }
}
