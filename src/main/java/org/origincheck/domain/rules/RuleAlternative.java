package org.origincheck.domain.rules;

/**
 * One alternative of a product-specific rule: "(A) A change to ...; or (B) ...". A good needs to meet only
 * one (SOR/2020-155 s.3(6)). Either part may be absent: no shift is "no change in tariff classification
 * required", no RVC is a pure shift.
 */
public record RuleAlternative(String label, TariffShift tariffShift, RvcRequirement regionalValueContent) {

    public RuleAlternative {
        if (tariffShift == null && regionalValueContent == null) {
            throw new IllegalArgumentException("alternative " + label + " requires neither a shift nor an RVC");
        }
    }
}
