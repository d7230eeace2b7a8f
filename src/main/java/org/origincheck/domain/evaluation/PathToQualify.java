package org.origincheck.domain.evaluation;

import java.math.BigDecimal;
import java.util.List;
import org.origincheck.domain.rules.RvcMethod;

/**
 * For a good that does not originate: the non-originating materials whose origin would have to change (be sourced as
 * originating, or shown to be) for it to originate, per alternative of its product-specific rule and RVC method, cheapest
 * first. {@code notSearched}: the routes to origin this does not search, and why (never silently left out).
 */
public record PathToQualify(List<Option> options, List<String> notSearched) {

    public PathToQualify {
        options = List.copyOf(options);
        notSearched = List.copyOf(notSearched);
    }

    /** How an option meets the alternative's regional value content; null for an alternative that requires none. */
    public enum Method {
        TRANSACTION_VALUE, NET_COST,
        /** SOR/2020-155 s.5(4): all non-originating materials within the de minimis share, so the RVC need not be met. */
        RVC_DE_MINIMIS;

        static Method of(RvcMethod method) {
            return method == RvcMethod.TRANSACTION_VALUE ? TRANSACTION_VALUE : NET_COST;
        }
    }

    /**
     * One way to originate: change the origin of {@code materials} (worth {@code valueToResource} together). {@code bound}
     * false: no set of materials worth less meets this alternative by this method. {@code bound} true: the set suffices but a
     * cheaper one may exist; {@code lowerBound}, when known, is a value no set can cost less than.
     * {@code resultingRegionalValueContent}: the RVC after the change, by every method the good has a basis for.
     */
    public record Option(String alternative, Method method, List<Resourced> materials, BigDecimal valueToResource,
                         List<ResultingRvc> resultingRegionalValueContent, boolean bound, BigDecimal lowerBound,
                         String explanation, String citation) {

        public Option {
            materials = List.copyOf(materials);
            resultingRegionalValueContent = List.copyOf(resultingRegionalValueContent);
        }
    }

    /** A material whose origin would have to change: its position in the bill of materials, part number and value. */
    public record Resourced(int index, String partNumber, BigDecimal value) {
    }

    /** The RVC by one method after the change; threshold and met are null when the alternative requires no RVC by it. */
    public record ResultingRvc(RvcMethod method, BigDecimal value, BigDecimal threshold, Boolean met) {
    }
}
