package org.origincheck.domain.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** The general parameters of the pack, by name. The names the engine uses are the constants below. */
public record Parameters(Map<String, Parameter> byName) {

    public static final String DE_MINIMIS_SHARE = "de_minimis.max_share_percent";
    public static final String TEXTILE_DE_MINIMIS_WEIGHT = "de_minimis.textile_max_weight_percent";
    public static final String TEXTILE_DE_MINIMIS_ELASTOMERIC = "de_minimis.textile_max_elastomeric_weight_percent";
    public static final String PARTS_RULE_TV = "parts_rule_4_2_d.rvc_transaction_value_percent";
    public static final String SET_MAX_NON_ORIGINATING = "sets.max_non_originating_share_percent";
    public static final String PARTS_RULE_NC = "parts_rule_4_2_d.rvc_net_cost_percent";

    public Parameters {
        byName = Map.copyOf(byName);
    }

    public Parameter get(String name) {
        Parameter parameter = byName.get(name);
        if (parameter == null) {
            throw new IllegalStateException("rule pack lacks parameter " + name);
        }
        return parameter;
    }

    public BigDecimal value(String name, LocalDate date) {
        return get(name).on(date);
    }
}
