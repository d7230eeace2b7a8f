package org.origincheck.domain.scenario;

import java.math.BigDecimal;
import java.util.List;

/**
 * One change a scenario makes to the pack in force, with what it changes in words ({@code description}). Each replaces a
 * figure of the law with the scenario's, on every date on which the base pack is in force (a scenario asks "what if this
 * were the law on that date").
 */
public sealed interface ScenarioChange {

    String description();

    /** A general parameter of parameters.yaml (e.g. the de minimis share). */
    record ParameterValue(String name, BigDecimal value, String description) implements ScenarioChange {
    }

    /** The RVC thresholds of the named product-specific rules; a null method keeps the rule's own figure. */
    record ProductRuleRvc(List<String> rules, BigDecimal netCost, BigDecimal transactionValue, String description) implements ScenarioChange {
        public ProductRuleRvc {
            rules = List.copyOf(rules);
        }
    }

    /** The thresholds of an automotive part schedule (e.g. CORE_PART, Table A.1); a null method keeps the law's figure. */
    record PartScheduleRvc(String schedule, BigDecimal netCost, BigDecimal transactionValue, String description) implements ScenarioChange {
    }

    /** The s.12 wage floor of a qualifying wage-rate production plant in one country, in that country's currency. */
    record WageFloorChange(String country, BigDecimal amount, String description) implements ScenarioChange {
    }
}
