package org.origincheck.domain.evaluation;

import java.math.BigDecimal;
import java.util.List;
import org.origincheck.domain.automotive.VehicleClass;

/**
 * The figures of the automotive tests (Appendix to Annex 4-B; SOR/2020-155 Part 6), beside the reasons that
 * explain them. Parts that did not apply are null. Amounts are in the good's currency; wages in each plant's.
 */
public record AutomotiveResult(VehicleClass vehicleClass, String classification, Thresholds thresholds, boolean stagingRegime,
                               CoreParts coreParts, SteelAndAluminum steelAndAluminum, LaborValueContent laborValueContent) {

    /** The thresholds that replaced the product-specific rule's own, and the table line that put them there. */
    public record Thresholds(String schedule, String description, List<String> tableEntries, BigDecimal netCost,
                             BigDecimal transactionValue, boolean onlyWayToOriginate, String citation) {
    }

    public record CoreParts(Outcome outcome, String vnmMethod, boolean superCore, BigDecimal threshold, List<CorePart> parts,
                            CorePart superCorePart, String rollUp, BigDecimal tracedIntoVehicleVnm, String citation) {
    }

    /** One core part (or the super-core): its RVC by the net cost method, or the stored determination relied on. */
    public record CorePart(String part, String category, String determinationId, BigDecimal netCost,
                           BigDecimal valueOfNonOriginatingMaterials, BigDecimal value, Outcome outcome, BigDecimal pointsShort) {
    }

    public record SteelAndAluminum(Outcome outcome, String share, BigDecimal threshold, boolean meltedAndPouredRequired,
                                   List<MetalShare> metals, List<String> notCounted, String citation) {
    }

    /** {@code originatingValueShort}: how much more originating value the purchases needed. */
    public record MetalShare(String metal, BigDecimal purchases, BigDecimal originatingPurchases, BigDecimal share, boolean met,
                             BigDecimal originatingValueShort) {
    }

    public record LaborValueContent(Outcome outcome, String basis, BigDecimal required, BigDecimal highWageMinimum,
                                    BigDecimal highWagePoints, BigDecimal technologyCredit, BigDecimal assemblyCredit,
                                    BigDecimal total, BigDecimal pointsShort, BigDecimal highWagePointsShort,
                                    BigDecimal highWageMaterials, BigDecimal highWageLabourCosts, BigDecimal denominator,
                                    List<Plant> plants, String citation) {
    }

    public record Plant(String id, String country, BigDecimal averageBaseHourlyWage, String currency, BigDecimal wageFloor,
                        boolean qualifying) {
    }
}
