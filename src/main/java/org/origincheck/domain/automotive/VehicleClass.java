package org.origincheck.domain.automotive;

/**
 * The classes of motor vehicle the automotive rules distinguish (SOR/2020-155 s.12 definitions, s.20).
 * "Other vehicles" are split by the paragraph of s.20 that lists them, because the paragraph decides the
 * regional value content (62.5% under s.20(2), 60% under s.20(3)) and which s.13 paragraph applies.
 */
public enum VehicleClass {
    PASSENGER_VEHICLE("passenger vehicle", "SOR/2020-155 s.12 \"passenger vehicle\""),
    LIGHT_TRUCK("light truck", "SOR/2020-155 s.12 \"light truck\""),
    HEAVY_TRUCK("heavy truck", "SOR/2020-155 s.12 \"heavy truck\""),
    OTHER_VEHICLE_SECTION_20_2("other vehicle listed in s.20(2)", "SOR/2020-155 s.20(2)"),
    OTHER_VEHICLE_SECTION_20_3("other vehicle listed in s.20(3)(a)", "SOR/2020-155 s.20(3)(a)");

    private final String label;
    private final String citation;

    VehicleClass(String label, String citation) {
        this.label = label;
        this.citation = citation;
    }

    public String label() {
        return label;
    }

    public String citation() {
        return citation;
    }

    /** Passenger vehicles, light trucks and heavy trucks carry the steel and aluminum and LVC requirements (s.17, s.18). */
    public boolean isPassengerVehicleOrTruck() {
        return this == PASSENGER_VEHICLE || this == LIGHT_TRUCK || this == HEAVY_TRUCK;
    }

    /** Passenger vehicles and light trucks also need originating core parts (s.14(4)). */
    public boolean isPassengerVehicleOrLightTruck() {
        return this == PASSENGER_VEHICLE || this == LIGHT_TRUCK;
    }
}
