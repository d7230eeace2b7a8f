package org.origincheck.domain.automotive;

import java.util.Set;
import org.origincheck.domain.automotive.EndUse;
import org.origincheck.domain.hs.HsCode;

/**
 * Which class of motor vehicle a good of headings 87.01-87.06 is, from its HS code and the facts that
 * decide it (SOR/2020-155 s.12 definitions; s.20(2)-(3)). {@code vehicleClass} is null for a good that is
 * not a vehicle of these classes (e.g. snowmobiles of 8703.10, or a chassis for a passenger vehicle, which
 * is a part). When a fact is missing, {@code missingField} names it and nothing is guessed.
 *
 * <p>The table of s.13 is written in the 2012 nomenclature. Two transpositions are encoded, and said in the
 * explanation: compression-ignition hybrids of 8703.50 and 8703.70 (HS 2017) are the "vehicle of subheading
 * 8703.90 with both a compression-ignition engine and an electric motor" of s.12; and the HS 2022 subheadings
 * 8704.41-8704.60 (hybrid and electric trucks), which fall inside the range "8704.32 through 8704.90" only by
 * their numbers, are not classified: they are referred to a compliance officer.
 */
public record VehicleClassification(boolean motorVehicle, VehicleClass vehicleClass, String explanation, String citation,
                                    java.util.Map<String, String> missing) {

    public VehicleClassification {
        missing = missing == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(missing));
    }

    public VehicleClassification(boolean motorVehicle, VehicleClass vehicleClass, String explanation, String citation,
                                 String missingField, String missingMessage) {
        this(motorVehicle, vehicleClass, explanation, citation, missingField == null ? null : java.util.Map.of(missingField, missingMessage));
    }

    /** The first fact missing (the rule index asks for one field). */
    public String missingField() {
        return missing.isEmpty() ? null : missing.keySet().iterator().next();
    }

    public String missingMessage() {
        return missing.isEmpty() ? null : missing.values().iterator().next();
    }

    private static final String DEFINITIONS = "SOR/2020-155 s.12";
    private static final Set<String> COMPRESSION_IGNITION = Set.of("870331", "870332", "870333", "870350", "870370");
    private static final Set<String> SPARK_OR_ELECTRIC = Set.of("870321", "870322", "870323", "870324", "870340", "870360", "870380");

    public boolean undetermined() {
        return !missing.isEmpty();
    }

    public static VehicleClassification notAVehicle() {
        return new VehicleClassification(false, null, null, null, java.util.Map.of());
    }

    public static VehicleClassification classify(HsCode hs, EndUse endUse, VehicleFacts facts) {
        VehicleFacts f = facts == null ? new VehicleFacts(null, null, null, null) : facts;
        String sub = hs.subheading();
        String code = hs.formatted();
        switch (hs.heading()) {
            case "8701" -> {
                if (!sub.equals("870120")) {
                    return of(VehicleClass.OTHER_VEHICLE_SECTION_20_3, "a tractor of " + code + " (s.20(3)(a)(i))", "SOR/2020-155 s.20(3)(a)(i)");
                }
                if (f.offRoad() == null) {
                    return missing("good.vehicle.offRoad", "a road tractor of 8701.20 is a heavy truck unless it is solely or principally for off-road use (s.12 \"heavy truck\")");
                }
                return f.offRoad()
                        ? new VehicleClassification(true, null, "a road tractor of 8701.20 solely or principally for off-road use: not a heavy truck (s.12), and not listed in s.20; the s.13 rule for 8701.20 applies", DEFINITIONS, null, null)
                        : of(VehicleClass.HEAVY_TRUCK, "a road tractor of 8701.20 for on-road use", DEFINITIONS + " \"heavy truck\"");
            }
            case "8702" -> {
                if (f.passengerCapacity() == null) {
                    return missing("good.vehicle.passengerCapacity", "a vehicle of 87.02 is under s.20(2)(a) if it transports 15 or fewer persons and s.20(3)(a)(ii) if 16 or more");
                }
                return f.passengerCapacity() <= 15
                        ? of(VehicleClass.OTHER_VEHICLE_SECTION_20_2, "a motor vehicle of " + code + " for the transport of 15 or fewer persons (s.20(2)(a))", "SOR/2020-155 s.20(2)(a)")
                        : of(VehicleClass.OTHER_VEHICLE_SECTION_20_3, "a motor vehicle of " + code + " for the transport of 16 or more persons (s.20(3)(a)(ii))", "SOR/2020-155 s.20(3)(a)(ii)");
            }
            case "8703" -> {
                return passengerVehicleHeading(sub, code, f);
            }
            case "8704" -> {
                return truckHeading(sub, code, f);
            }
            case "8705" -> {
                return of(VehicleClass.OTHER_VEHICLE_SECTION_20_3, "a special purpose motor vehicle of 87.05 (s.20(3)(a)(v))", "SOR/2020-155 s.20(3)(a)(v)");
            }
            case "8706" -> {
                if (endUse == EndUse.HEAVY_TRUCK_OE) {
                    return of(VehicleClass.HEAVY_TRUCK, "a chassis fitted with an engine of 87.06 for use in a heavy truck, which s.12 counts as a heavy truck",
                            DEFINITIONS + " \"heavy truck\"");
                }
                return notAVehicle();
            }
            default -> {
                return notAVehicle();
            }
        }
    }

    private static VehicleClassification passengerVehicleHeading(String sub, String code, VehicleFacts f) {
        if (sub.equals("870310")) {
            return new VehicleClassification(true, null, "a vehicle of 8703.10 (snow or golf vehicles): not a passenger vehicle (s.12 covers 8703.21-8703.90); the s.13 rule for 8703.10 applies", DEFINITIONS, null, null);
        }
        Boolean compressionIgnition = COMPRESSION_IGNITION.contains(sub) ? Boolean.TRUE
                : SPARK_OR_ELECTRIC.contains(sub) ? Boolean.FALSE : f.compressionIgnition();
        java.util.Map<String, String> missing = new java.util.LinkedHashMap<>();
        if (compressionIgnition == null) {
            missing.put("good.vehicle.compressionIgnition", "a vehicle of " + code + " with a compression-ignition engine is not a passenger vehicle (s.12 \"passenger vehicle\" (a)); say whether it has one");
        }
        if (f.bodyType() == null) {
            missing.put("good.vehicle.bodyType", "a three- or four-wheeled motorcycle, a motorhome or entertainer coach, or an ambulance, hearse or prison van of " + code
                    + " is not a passenger vehicle (s.12 \"passenger vehicle\" (b), (d), (e)); give STANDARD for any other");
        }
        if (f.offRoad() == null) {
            missing.put("good.vehicle.offRoad", "an all-terrain vehicle (one not meeting the on-road safety and emissions standards) of " + code + " is not a passenger vehicle (s.12 \"passenger vehicle\" (c))");
        }
        // A fact that is known and excludes the vehicle from "passenger vehicle" decides the class alone (s.20(2)(b)-(f)).
        boolean excluded = Boolean.TRUE.equals(compressionIgnition) || (f.bodyType() != null && f.bodyType() != VehicleBodyType.STANDARD)
                || Boolean.TRUE.equals(f.offRoad());
        if (!missing.isEmpty() && !excluded) {
            return new VehicleClassification(true, null, null, DEFINITIONS, missing);
        }
        String hsNote = sub.equals("870350") || sub.equals("870370")
                ? " (" + code + " is the HS 2017 subheading for what the 2012 nomenclature of s.12 calls a vehicle of 8703.90 with both a compression-ignition engine and an electric motor)" : "";
        if (Boolean.TRUE.equals(compressionIgnition)) {
            return of(VehicleClass.OTHER_VEHICLE_SECTION_20_2, "a vehicle of " + code + " with a compression-ignition engine" + hsNote
                    + ": not a passenger vehicle (s.12 (a)); s.20(2)(b)", "SOR/2020-155 s.12 \"passenger vehicle\" (a); s.20(2)(b)");
        }
        if (f.bodyType() != null && f.bodyType() != VehicleBodyType.STANDARD) {
            String paragraph = switch (f.bodyType()) {
                case THREE_OR_FOUR_WHEELED_MOTORCYCLE -> "(b); s.20(2)(c)";
                case MOTORHOME_OR_ENTERTAINER_COACH -> "(d); s.20(2)(d)";
                default -> "(e); s.20(2)(e)";
            };
            return of(VehicleClass.OTHER_VEHICLE_SECTION_20_2, "a " + f.bodyType().name().toLowerCase().replace('_', ' ') + " of " + code
                    + ": not a passenger vehicle (s.12 " + paragraph + ")", "SOR/2020-155 s.12 \"passenger vehicle\" " + paragraph);
        }
        if (Boolean.TRUE.equals(f.offRoad())) {
            return of(VehicleClass.OTHER_VEHICLE_SECTION_20_2, "an all-terrain (off-road) vehicle of " + code + ": not a passenger vehicle (s.12 (c)); s.20(2)(f)",
                    "SOR/2020-155 s.12 \"passenger vehicle\" (c); s.20(2)(f)");
        }
        return of(VehicleClass.PASSENGER_VEHICLE, "a vehicle of " + code + " for on-road use, without a compression-ignition engine, of a standard body type",
                DEFINITIONS + " \"passenger vehicle\"");
    }

    private static VehicleClassification truckHeading(String sub, String code, VehicleFacts f) {
        if (sub.equals("870410")) {
            return of(VehicleClass.OTHER_VEHICLE_SECTION_20_3, "a dumper of 8704.10 (s.20(3)(a)(iii))", "SOR/2020-155 s.20(3)(a)(iii)");
        }
        boolean light = sub.equals("870421") || sub.equals("870431");
        boolean heavy = Set.of("870422", "870423", "870432", "870490").contains(sub);
        if (!light && !heavy) {
            return new VehicleClassification(true, null, null, "SOR/2020-155 s.12, s.13", "automotiveClassification",
                    code + " is an HS 2022 subheading (hybrid or electric trucks) with no counterpart in the 2012 nomenclature of the s.12 definitions and the s.13 table; "
                            + "whether the vehicle is a light truck (8704.21/8704.31), a heavy truck (8704.22-8704.23/8704.32-8704.90) or neither must be decided by a compliance officer");
        }
        if (f.offRoad() == null) {
            return missing("good.vehicle.offRoad", "a vehicle of " + code + " solely or principally for off-road use is not a " + (light ? "light" : "heavy") + " truck (s.12)");
        }
        if (light) {
            return f.offRoad()
                    ? of(VehicleClass.OTHER_VEHICLE_SECTION_20_2, "a vehicle of " + code + " solely or principally for off-road use (s.20(2)(g))", "SOR/2020-155 s.20(2)(g)")
                    : of(VehicleClass.LIGHT_TRUCK, "a vehicle of " + code + " for on-road use", DEFINITIONS + " \"light truck\"");
        }
        return f.offRoad()
                ? of(VehicleClass.OTHER_VEHICLE_SECTION_20_3, "a vehicle of " + code + " solely or principally for off-road use (s.20(3)(a)(iv))", "SOR/2020-155 s.20(3)(a)(iv)")
                : of(VehicleClass.HEAVY_TRUCK, "a vehicle of " + code + " for on-road use", DEFINITIONS + " \"heavy truck\"");
    }

    private static VehicleClassification of(VehicleClass vehicleClass, String explanation, String citation) {
        return new VehicleClassification(true, vehicleClass, explanation, citation, null, null);
    }

    private static VehicleClassification missing(String field, String message) {
        return new VehicleClassification(true, null, null, DEFINITIONS, field, message);
    }
}
