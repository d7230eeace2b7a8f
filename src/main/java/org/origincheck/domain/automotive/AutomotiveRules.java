package org.origincheck.domain.automotive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The automotive part of a rule pack (the Appendix to Annex 4-B; SOR/2020-155 Part 6): the tables, the
 * thresholds that replace those of the product-specific rules, the steel and aluminum and LVC requirements,
 * the alternative staging regime, and the pack's choices where the law is read in more than one way.
 * {@code corePartSubheadings}: the six-digit subheadings (no dots) in which a core part of Table A.2 column 1 is itself
 * classified; a material of one of them must be listed as a core part or declared not one.
 */
public record AutomotiveRules(AutomotiveTables tables, Map<String, PartSchedule> partSchedules,
                              Map<VehicleClass, LaborValueContentRequirement> laborValueContent, Credits credits,
                              List<WageFloor> wageFloors, SteelAndAluminum steelAndAluminum, StagingRegime stagingRegime,
                              CorePartsRollUp corePartsRollUp, SteelAndAluminumShare steelAndAluminumShare,
                              PartsRuleForListedParts partsRuleForListedParts,
                              Map<String, AutomotiveFacts.CorePartCategory> corePartSubheadings) {

    public static final String CORE_PART = "CORE_PART";
    public static final String PRINCIPAL_PART = "PRINCIPAL_PART";
    public static final String COMPLEMENTARY_PART = "COMPLEMENTARY_PART";
    public static final String HEAVY_TRUCK_PRINCIPAL_PART = "HEAVY_TRUCK_PRINCIPAL_PART";
    public static final String HEAVY_TRUCK_ENGINE_OR_GEAR_BOX = "HEAVY_TRUCK_ENGINE_OR_GEAR_BOX";
    public static final String HEAVY_TRUCK_OTHER_PART = "HEAVY_TRUCK_OTHER_PART";
    public static final String OTHER_VEHICLE_PART = "OTHER_VEHICLE_PART";
    public static final String OTHER_VEHICLE_ENGINE_SECTION_20_2 = "OTHER_VEHICLE_ENGINE_SECTION_20_2";
    public static final String OTHER_VEHICLE_ENGINE_SECTION_20_3 = "OTHER_VEHICLE_ENGINE_SECTION_20_3";
    public static final String STAGING_CORE_PART = "STAGING_REGIME_CORE_PART";
    public static final String STAGING_VEHICLE = "STAGING_REGIME_VEHICLE";
    public static final List<String> SCHEDULES = List.of(CORE_PART, PRINCIPAL_PART, COMPLEMENTARY_PART, HEAVY_TRUCK_PRINCIPAL_PART,
            HEAVY_TRUCK_ENGINE_OR_GEAR_BOX, HEAVY_TRUCK_OTHER_PART, OTHER_VEHICLE_PART, OTHER_VEHICLE_ENGINE_SECTION_20_2,
            OTHER_VEHICLE_ENGINE_SECTION_20_3, STAGING_CORE_PART, STAGING_VEHICLE);

    public AutomotiveRules {
        partSchedules = Map.copyOf(partSchedules);
        laborValueContent = Map.copyOf(laborValueContent);
        wageFloors = List.copyOf(wageFloors);
        corePartSubheadings = Map.copyOf(corePartSubheadings);
    }

    public PartSchedule schedule(String id) {
        PartSchedule schedule = partSchedules.get(id);
        if (schedule == null) {
            throw new IllegalStateException("rule pack lacks automotive schedule " + id);
        }
        return schedule;
    }

    public Optional<WageFloor> wageFloor(String country) {
        return wageFloors.stream().filter(w -> w.country().equals(country)).findFirst();
    }

    /** The LVC credits and the high-wage assembly plant capacities (s.12, s.18(9)-(14)). */
    public record Credits(BigDecimal technologyMaximum, BigDecimal assemblyCredit, Capacity passengerVehicleOrLightTruckParts,
                          Capacity heavyTruckParts, int minimumContractYears, String technologyCitation, String assemblyCitation) {
    }

    /** A high-wage assembly plant needs the capacity for at least one of these (s.12). */
    public record Capacity(long engines, long transmissions, long advancedBatteryPacks) {
    }

    /** s.17(1) and (5): the share of originating purchases, and the date the steel melted-and-poured condition starts. */
    public record SteelAndAluminum(BigDecimal share, LocalDate meltedAndPouredFrom, List<String> rawMaterialHeadings, String citation) {
    }

    /** s.19: the alternative staging regime for approved passenger vehicle and light truck producers. */
    public record StagingRegime(LocalDate from, LocalDate to, BigDecimal laborValueContent, BigDecimal highWageMinimum,
                                String citation) {
    }
}
