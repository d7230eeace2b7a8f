package org.origincheck.domain.automotive;

/**
 * s.17(1) asks that "at least 70 percent by value of the vehicle producer's purchases ... of steel and
 * aluminum" be originating; s.19(4)(c) says "70% of ... purchases of steel and at least 70% of ... purchases
 * of aluminum". SEPARATE (each metal on its own, the stricter reading and the one U.S. customs applies)
 * is the default; COMBINED takes one share over both.
 */
public enum SteelAndAluminumShare {
    SEPARATE, COMBINED
}
