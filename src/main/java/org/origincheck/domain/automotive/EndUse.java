package org.origincheck.domain.automotive;

/** The end use that selects among the automotive branches of a product-specific rule (Annex 4-B, Appendix). */
public enum EndUse {
    PASSENGER_VEHICLE_OE, LIGHT_TRUCK_OE, HEAVY_TRUCK_OE, OTHER_VEHICLE_OE, AFTERMARKET
}
