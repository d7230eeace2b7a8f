package org.origincheck.domain.automotive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the producer tells about an automotive good beyond its bill of materials: the tables an "ex" part
 * is listed in, the vehicle's core parts, its steel and aluminum purchases, its labour value content, and
 * whether it is under the alternative staging regime. Every part is optional; a test that needs a missing
 * part says so (INSUFFICIENT_DATA) rather than guess. Options given here override the pack's defaults for
 * this determination only, and the determination says which applied.
 */
public record AutomotiveFacts(List<AutomotiveTable> declaredTables, VehicleClass forVehicleClass, CoreParts coreParts,
                              SteelAndAluminumPurchases steelAndAluminum, LaborValueContent laborValueContent,
                              StagingRegime stagingRegime, CorePartsRollUp corePartsRollUp,
                              SteelAndAluminumShare steelAndAluminumShare) {

    /** {@code declaredTables} null: the producer has not said; empty: the good is in none of the "ex" lines that match it. */
    public AutomotiveFacts {
        declaredTables = declaredTables == null ? null : List.copyOf(declaredTables);
    }

    /** s.14(7): which non-originating value counts in a core part's RVC. */
    public enum VnmMethod {
        /** s.14(7)(a): the VNM used in producing the part. */
        ALL_MATERIALS,
        /** s.14(7)(b) and (8): only the non-originating components listed in column 2 of Table A.2. */
        COLUMN_2_COMPONENTS
    }

    /** The parts of column 1 of Table A.2. */
    public enum CorePartCategory {
        ENGINE("Engines"), TRANSMISSION("Transmissions"), BODY_AND_CHASSIS("Body and chassis"), AXLE("Axles"),
        SUSPENSION_SYSTEM("Suspension systems"), STEERING_SYSTEM("Steering systems"), ADVANCED_BATTERY("Advanced batteries");

        private final String tableName;

        CorePartCategory(String tableName) {
            this.tableName = tableName;
        }

        public String tableName() {
            return tableName;
        }
    }

    /**
     * s.14(4)-(10). {@code superCore}: all parts treated as one (s.14(10)). {@code notCoreParts}: part numbers of
     * materials on the bill of materials whose classification a Table A.2 part shares but which the producer
     * states are not one (e.g. parts of gear boxes of 8708.40).
     */
    public record CoreParts(VnmMethod vnmMethod, boolean superCore, List<CorePart> parts, List<String> notCoreParts) {
        public CoreParts {
            parts = parts == null ? List.of() : List.copyOf(parts);
            notCoreParts = notCoreParts == null ? List.of() : List.copyOf(notCoreParts);
        }

        public CoreParts(VnmMethod vnmMethod, boolean superCore, List<CorePart> parts) {
            this(vnmMethod, superCore, parts, List.of());
        }
    }

    /**
     * One core part used in the vehicle: its figures (net cost under s.7 and the VNM by the chosen method),
     * or a stored determination of it. {@code partNumber} links it to the line of the vehicle's bill of
     * materials, which the TRACE option needs.
     */
    public record CorePart(int index, CorePartCategory category, String partNumber, BigDecimal netCost,
                           BigDecimal valueOfNonOriginatingMaterials, BigDecimal valueOfNonOriginatingComponents,
                           StoredDetermination determination) {

        public String label() {
            return partNumber != null && !partNumber.isBlank() ? partNumber : "coreParts.parts[" + index + "]";
        }

        public String field(String name) {
            return "automotive.coreParts.parts[" + index + "]." + name;
        }
    }

    /**
     * A determination already stored by this service, referred to by id: its status, HS code, date, and the
     * automotive thresholds it applied ({@code schedule} and {@code netCostThreshold}, null when none), so the
     * core parts test can tell a core-part determination from, say, an aftermarket one.
     */
    public record StoredDetermination(String id, String status, String hsCode, LocalDate asOf, String schedule,
                                      BigDecimal netCostThreshold) {

        public boolean originating() {
            return "ORIGINATING".equals(status);
        }
    }

    /** s.17: the producer's purchases of Table S steel and aluminum over the period it chose under s.17(7). */
    public record SteelAndAluminumPurchases(LocalDate periodFrom, LocalDate periodTo, List<Purchase> purchases) {
        public SteelAndAluminumPurchases {
            purchases = purchases == null ? List.of() : List.copyOf(purchases);
        }
    }

    public enum Metal {
        STEEL, ALUMINUM
    }

    /** One purchase line (or one aggregated line per provision), valued under s.17(6). */
    /** {@code metalValue}: for a stamping of ex 8708.29 / ex 8708.99, the value of the Table S metal used in it (s.17(2)). */
    public record Purchase(int index, String description, org.origincheck.domain.hs.HsCode hsCode, Metal metal, BigDecimal value,
                           boolean originating, Boolean meltedAndPouredInRegion, BigDecimal metalValue) {

        public Purchase(int index, String description, org.origincheck.domain.hs.HsCode hsCode, Metal metal, BigDecimal value,
                        boolean originating, Boolean meltedAndPouredInRegion) {
            this(index, description, hsCode, metal, value, originating, meltedAndPouredInRegion, null);
        }

        public String label() {
            return description != null && !description.isBlank() ? description : "purchases[" + index + "]";
        }

        public String field(String name) {
            return "automotive.steelAndAluminum.purchases[" + index + "]." + name;
        }
    }

    public enum LvcBasis {
        /** s.18(6)(a): (HWLC + HWM) / net cost. */
        NET_COST,
        /** s.18(6)(b): (APV + HWLC) / (TAPV + HWLC). */
        ANNUAL_PURCHASE_VALUE
    }

    /** s.18: the vehicle producer's LVC figures; amounts in the good's currency, wages in each plant's own. */
    public record LaborValueContent(LvcBasis basis, List<Plant> plants, List<PlantAmount> highWageMaterials,
                                    List<PlantAmount> highWageLabourCosts, BigDecimal highWageTransport, BigDecimal netCost,
                                    BigDecimal totalAnnualPurchaseValue, boolean includeLabourCostsInPurchaseValue,
                                    TechnologyExpenditures technology, AssemblyPlant assemblyPlant) {
        public LaborValueContent {
            plants = plants == null ? List.of() : List.copyOf(plants);
            highWageMaterials = highWageMaterials == null ? List.of() : List.copyOf(highWageMaterials);
            highWageLabourCosts = highWageLabourCosts == null ? List.of() : List.copyOf(highWageLabourCosts);
        }
    }

    /**
     * A plant and its wage data: either the average base hourly wage rate for direct production workers, or
     * the base wages and hours it is computed from (s.12 "average base hourly wage rate").
     */
    public record Plant(int index, String id, String country, String currency, BigDecimal averageBaseHourlyWage,
                        BigDecimal baseWages, BigDecimal directProductionHours) {

        public String field(String name) {
            return "automotive.laborValueContent.plants[" + index + "]." + name;
        }
    }

    /** An amount of high-wage material (or labour cost) attributed to the plant that produced it. */
    public record PlantAmount(int index, String plantId, BigDecimal amount) {
    }

    /** s.18(9)-(11): corporate-level wage expenditures on R&D and IT, and on direct production workers. */
    public record TechnologyExpenditures(BigDecimal researchAndInformationTechnologyWages, BigDecimal directProductionWages) {
    }

    /** s.18(12)-(14): the high-wage assembly plant the producer operates or has a contract with. */
    public record AssemblyPlant(String plantId, boolean operatedByProducer, Integer contractYears, long engineCapacity,
                                long transmissionCapacity, long advancedBatteryPackCapacity) {
    }

    /** s.19: the producer's approved alternative staging regime. */
    public record StagingRegime(boolean approved, LocalDate approvedUntil, boolean steelAndAluminumExempt) {
    }
}
