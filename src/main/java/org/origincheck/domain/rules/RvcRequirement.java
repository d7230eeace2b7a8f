package org.origincheck.domain.rules;

import org.origincheck.domain.dated.Threshold;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * "provided there is a regional value content of not less than (1) 60 percent where the transaction value
 * method is used; or (2) 50 percent where the net cost method is used". A null method is one the rule
 * does not offer: SOR/2020-155 s.7(6) then requires net cost only.
 */
public record RvcRequirement(Threshold transactionValue, Threshold netCost) {

    public RvcRequirement {
        if (transactionValue == null && netCost == null) {
            throw new IllegalArgumentException("a regional value content requirement needs at least one method");
        }
    }

    public Optional<BigDecimal> threshold(RvcMethod method, LocalDate asOf) {
        Threshold threshold = method == RvcMethod.TRANSACTION_VALUE ? transactionValue : netCost;
        return threshold == null ? Optional.empty() : threshold.on(asOf);
    }

    public boolean offers(RvcMethod method) {
        return (method == RvcMethod.TRANSACTION_VALUE ? transactionValue : netCost) != null;
    }
}
