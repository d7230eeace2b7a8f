package org.origincheck.domain.automotive;

/**
 * Whether an originating core part counts as wholly originating in the regional value content of the
 * passenger vehicle or light truck that uses it. The roll-up of s.14(1) says it does; the United States
 * has applied the core-part flexibilities (s.14(7)-(12)) only to the core-parts requirement and traced the
 * part's non-originating materials into the vehicle's VNM; the USMCA panel of 14 December 2022
 * (USA-MEX-2022-31-01) found for roll-up, and the United States had not complied a year later.
 */
public enum CorePartsRollUp {
    /** The part's own VNM (ordinary method, s.14(7)(a)) is added to the vehicle's VNM: the conservative default. */
    TRACE,
    /** The originating core part counts as originating, whatever method qualified it (the 2022 panel). */
    ROLL_UP
}
