package org.origincheck.domain.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.origincheck.domain.automotive.AutomotiveRules;
import org.origincheck.domain.automotive.PartSchedule;
import org.origincheck.domain.automotive.WageFloor;
import org.origincheck.domain.rules.Parameter;
import org.origincheck.domain.rules.Parameters;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.ProductRuleBook;
import org.origincheck.domain.rules.RuleAlternative;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.domain.rules.RvcRequirement;
import org.origincheck.domain.dated.Threshold;

/**
 * A proposed change to the law, as an overlay on the rule pack in force: changed parameters, thresholds and wage
 * floors, and conditions the law does not have (a cap on non-originating value of a named origin). It is never
 * law: {@link #overlay} builds a separate pack, and the pack in force is left as it is. {@code digest}: the SHA-256 of
 * the scenario file; an overlay is identified by its own digest (of the base pack's and the scenario's), so an answer
 * under a scenario never passes for one under the law.
 */
public record Scenario(String id, String title, String basePack, Label label, String summary, List<ProposalSource> sources,
                       List<ScenarioChange> changes, List<OriginCap> conditions, String file, String digest) {

    /** What the scenario is: none of them is law. */
    public enum Label {
        /** Put forward by a government, with figures (none found in the 2026 review material). */
        PROPOSAL,
        /** A position reported in the press or asked for by stakeholders; the figure may be the scenario's own. */
        REPORTED_OR_STAKEHOLDER_PROPOSAL,
        /** A figure chosen to test sensitivity, with no proposal behind it. */
        STRESS_TEST
    }

    /** Where the proposal comes from: its status in the review (ADOPTED, AGENDA, PROPOSED, REPORTED, STAKEHOLDER, COMMENTARY), date, source and confidence. */
    public record ProposalSource(String status, String date, String source, String confidence, String note) {
    }

    public Scenario {
        sources = List.copyOf(sources);
        changes = List.copyOf(changes);
        conditions = List.copyOf(conditions);
    }

    /** The marker every citation changed by this scenario carries, so no reason under it cites the law alone. */
    public String marker() {
        return "as changed by scenario " + id + " (" + label.name().toLowerCase().replace('_', ' ') + ", not law)";
    }

    /** The pack in force with this scenario's changes: a new pack, identified by {@code sha256} (never the base pack's). */
    public RulePack overlay(RulePack base, String sha256) {
        if (!base.id().equals(basePack)) {
            throw new IllegalArgumentException("scenario " + id + " applies to pack " + basePack + ", not " + base.id());
        }
        Map<String, Parameter> parameters = new LinkedHashMap<>(base.parameters().byName());
        Map<String, ScenarioChange.ProductRuleRvc> rvcByRule = new HashMap<>();
        Map<String, ScenarioChange.PartScheduleRvc> schedules = new HashMap<>();
        Map<String, ScenarioChange.WageFloorChange> floors = new HashMap<>();
        for (ScenarioChange change : changes) {
            if (change instanceof ScenarioChange.ParameterValue p) {
                Parameter old = base.parameters().get(p.name());
                parameters.put(p.name(), new Parameter(old.name(), old.description(), old.reference() + "; " + marker(),
                        Threshold.constant(base.effectiveFrom(), p.value())));
            } else if (change instanceof ScenarioChange.ProductRuleRvc r) {
                r.rules().forEach(rule -> rvcByRule.put(rule, r));
            } else if (change instanceof ScenarioChange.PartScheduleRvc s) {
                schedules.put(s.schedule(), s);
            } else if (change instanceof ScenarioChange.WageFloorChange w) {
                floors.put(w.country(), w);
            }
        }
        ProductRuleBook rules = base.productRules();
        if (!rvcByRule.isEmpty()) {
            List<ProductRule> changed = new ArrayList<>(rules.all().size());
            for (ProductRule rule : rules.all()) {
                ScenarioChange.ProductRuleRvc r = rvcByRule.get(rule.id());
                changed.add(r == null ? rule : withRvc(rule, r));
            }
            rules = new ProductRuleBook(changed);
        }
        AutomotiveRules automotive = base.automotive();
        if (automotive != null && (!schedules.isEmpty() || !floors.isEmpty())) {
            AutomotiveRules law = automotive;
            Map<String, PartSchedule> partSchedules = new LinkedHashMap<>(automotive.partSchedules());
            schedules.forEach((id, s) -> {
                PartSchedule old = law.schedule(id);
                partSchedules.put(id, new PartSchedule(old.id(), old.description(), old.citation() + "; " + marker(),
                        s.netCost() == null ? old.netCost() : Threshold.constant(base.effectiveFrom(), s.netCost()),
                        s.transactionValue() == null ? old.transactionValue() : Threshold.constant(base.effectiveFrom(), s.transactionValue()),
                        old.mandatory()));
            });
            List<WageFloor> wageFloors = automotive.wageFloors().stream().map(w -> {
                ScenarioChange.WageFloorChange f = floors.get(w.country());
                return f == null ? w : new WageFloor(w.country(), w.currency(), f.amount(), w.citation() + "; " + marker());
            }).toList();
            automotive = new AutomotiveRules(automotive.tables(), partSchedules, automotive.laborValueContent(), automotive.credits(),
                    wageFloors, automotive.steelAndAluminum(), automotive.stagingRegime(), automotive.corePartsRollUp(),
                    automotive.steelAndAluminumShare(), automotive.partsRuleForListedParts(), automotive.corePartSubheadings());
        }
        return new RulePack(base.id(), base.version() + "+scenario." + id, sha256, base.effectiveFrom(), base.effectiveTo(), base.sources(),
                new Parameters(parameters), rules, base.deMinimisExclusions(), base.notes(), base.options(), automotive, base.scheduleTwo(),
                base.hsCorrelation());
    }

    /** Every RVC of the rule's alternatives at the scenario's figures; a method the rule does not offer stays unoffered. */
    private ProductRule withRvc(ProductRule rule, ScenarioChange.ProductRuleRvc r) {
        List<RuleAlternative> replaced = rule.alternatives().stream().map(a -> {
            RvcRequirement rvc = a.regionalValueContent();
            if (rvc == null) {
                return a;
            }
            Threshold tv = rvc.transactionValue() == null || r.transactionValue() == null ? rvc.transactionValue()
                    : Threshold.constant(rule.effectiveFrom() != null ? rule.effectiveFrom() : java.time.LocalDate.of(2020, 7, 1), r.transactionValue());
            Threshold nc = rvc.netCost() == null || r.netCost() == null ? rvc.netCost()
                    : Threshold.constant(rule.effectiveFrom() != null ? rule.effectiveFrom() : java.time.LocalDate.of(2020, 7, 1), r.netCost());
            return a.withRegionalValueContent(new RvcRequirement(tv, nc));
        }).toList();
        return rule.withAlternatives(replaced, marker(), null);
    }

    /** The ids of the product rules this scenario changes (checked against the pack when loaded). */
    public Set<String> changedRules() {
        Set<String> ids = new java.util.TreeSet<>();
        changes.forEach(c -> {
            if (c instanceof ScenarioChange.ProductRuleRvc r) {
                ids.addAll(r.rules());
            }
        });
        return ids;
    }
}
