package org.origincheck.domain.automotive;

/**
 * The facts, beyond the HS code, that decide a vehicle's class (SOR/2020-155 s.12): whether it is solely or
 * principally for off-road use (does not meet the on-road safety and emissions standards), whether it has a
 * compression-ignition engine, what kind of body it has, and how many persons it carries (heading 87.02).
 * Any may be null: the classification asks only for those it needs.
 */
public record VehicleFacts(Boolean offRoad, Boolean compressionIgnition, VehicleBodyType bodyType, Integer passengerCapacity) {
}
