package org.origincheck.determination.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.origincheck.domain.automotive.AutomotiveFacts;
import org.origincheck.domain.automotive.CorePartsRollUp;
import org.origincheck.domain.automotive.SteelAndAluminumShare;
import org.origincheck.domain.automotive.VehicleClass;

/**
 * The producer-level facts of the automotive rules (Appendix to Annex 4-B; SOR/2020-155 Part 6). All optional:
 * a vehicle submitted without the facts a test needs gets INSUFFICIENT_DATA naming each one. Wage and cost
 * figures are commercially sensitive: they are stored with the determination and never logged.
 */
@Schema(name = "Automotive", description = "Producer-level facts for vehicles and automotive parts (SOR/2020-155 Part 6)")
public record AutomotiveInput(
        @Schema(description = "For a part whose provision is listed only with \"ex\" (e.g. ex 8708.29 body stampings): the tables the good is in, e.g. [\"A.1\"]; [] for none")
        @Size(max = 9) List<@NotNull @Pattern(regexp = "A\\.1|A\\.2|B|C|D|E|F|G|S", message = "must be a table of SOR/2020-155 Part 6: A.1, A.2, B, C, D, E, F, G or S") String> declaredTables,
        @Schema(description = "For an engine or gear box for use as original equipment in another vehicle: the s.20 paragraph listing that vehicle")
        VehicleClass forVehicleClass,
        @Valid CorePartsInput coreParts,
        @Valid SteelAndAluminumInput steelAndAluminum,
        @Valid LaborValueContentInput laborValueContent,
        @Valid StagingRegimeInput alternativeStagingRegime,
        @Schema(description = "Overrides the pack's option for this determination: TRACE (default) or ROLL_UP of originating core parts into the vehicle's RVC")
        CorePartsRollUp corePartsRollUp,
        @Schema(description = "Overrides the pack's option for this determination: SEPARATE (default, 70% of each metal) or COMBINED")
        SteelAndAluminumShare steelAndAluminumShare) {

    @Schema(name = "CorePartsInput", description = "SOR/2020-155 s.14(4)-(10): the Table A.2 core parts used in a passenger vehicle or light truck")
    public record CorePartsInput(
            @Schema(description = "ALL_MATERIALS (s.14(7)(a), default) or COLUMN_2_COMPONENTS (s.14(7)(b))") AutomotiveFacts.VnmMethod vnmMethod,
            @Schema(description = "Treat all core parts as one super-core part (s.14(10))") Boolean superCore,
            @Size(max = 50) List<@NotNull(message = "must be a core part object") @Valid CorePartInput> parts,
            @Schema(description = "Part numbers of materials on the bill of materials classified like a Table A.2 part (e.g. 8708.40) that are not one (e.g. parts of gear boxes)")
            @Size(max = 10000) List<@NotNull @Size(max = 200) String> notCoreParts) {
    }

    @Schema(name = "CorePartInput")
    public record CorePartInput(
            @NotNull AutomotiveFacts.CorePartCategory category,
            @Schema(description = "Links the part to its line on the vehicle's bill of materials") @Size(max = 200) String partNumber,
            @Schema(description = "Net cost of the part (s.7), in the good's currency")
            @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0") @DecimalMax(ApiPatterns.MAX_MONEY) @Digits(integer = 15, fraction = 6) BigDecimal netCost,
            @Schema(description = "VNM of all materials used in producing the part (s.14(7)(a))")
            @DecimalMin(value = "0", message = "may not be negative") @DecimalMax(ApiPatterns.MAX_MONEY) @Digits(integer = 15, fraction = 6) BigDecimal valueOfNonOriginatingMaterials,
            @Schema(description = "Value of the non-originating column 2 components of Table A.2 used in the part (s.14(7)(b))")
            @DecimalMin(value = "0", message = "may not be negative") @DecimalMax(ApiPatterns.MAX_MONEY) @Digits(integer = 15, fraction = 6) BigDecimal valueOfNonOriginatingComponents,
            @Schema(description = "Instead of figures: the id of a determination of this part stored by this service") UUID determinationId) {
    }

    @Schema(name = "SteelAndAluminumInput", description = "SOR/2020-155 s.17: the vehicle producer's purchases of Table S steel and aluminum over the chosen period (s.17(7))")
    public record SteelAndAluminumInput(
            LocalDate periodFrom,
            LocalDate periodTo,
            @Size(max = 10000) List<@NotNull(message = "must be a purchase object") @Valid PurchaseInput> purchases) {
    }

    @Schema(name = "SteelAndAluminumPurchase")
    public record PurchaseInput(
            @Size(max = 1000) String description,
            @NotBlank @Pattern(regexp = ApiPatterns.HS_CODE, message = ApiPatterns.HS_CODE_MESSAGE) String hsCode,
            @Schema(description = "Needed only for ex 8708.29 / ex 8708.99 stampings, listed under both metals") AutomotiveFacts.Metal metal,
            @Schema(description = "Value under s.17(6), in the good's currency")
            @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0") @DecimalMax(ApiPatterns.MAX_MONEY) @Digits(integer = 15, fraction = 6) BigDecimal value,
            @NotNull Boolean originating,
            @Schema(description = "Steel only, from 1 July 2027: all steel manufacturing processes, from melting through coating, in the USMCA countries (s.17(5)(b))")
            Boolean meltedAndPouredInRegion,
            @Schema(description = "For a stamping of ex 8708.29 or ex 8708.99: the value of the Table S steel or aluminum used in it, which is what counts (s.17(2))")
            @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0") @DecimalMax(ApiPatterns.MAX_MONEY) @Digits(integer = 15, fraction = 6) BigDecimal metalValue) {
    }

    @Schema(name = "LaborValueContentInput", description = "SOR/2020-155 s.18: plants' wages and the producer's high-wage expenditures")
    public record LaborValueContentInput(
            @Schema(description = "NET_COST (s.18(6)(a), default) or ANNUAL_PURCHASE_VALUE (s.18(6)(b))") AutomotiveFacts.LvcBasis basis,
            @Size(max = 1000) List<@NotNull(message = "must be a plant object") @Valid PlantInput> plants,
            @Schema(description = "HWM (net-cost basis) or APV (purchase-value basis), by producing plant")
            @Size(max = 10000) List<@NotNull(message = "must be an amount object") @Valid PlantAmountInput> highWageMaterials,
            @Schema(description = "HWLC: wage expenditures (no benefits) for direct production work at the vehicle assembly plant(s)")
            @Size(max = 1000) List<@NotNull(message = "must be an amount object") @Valid PlantAmountInput> highWageLabourCosts,
            @Schema(description = "High-wage transportation or related costs for shipping not already in HWM (s.18(3)(c), (20))")
            @DecimalMin(value = "0", message = "may not be negative") @DecimalMax(ApiPatterns.MAX_MONEY) @Digits(integer = 15, fraction = 6) BigDecimal highWageTransport,
            @Schema(description = "The vehicle's net cost for s.18(6)(a); default good.netCost")
            @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0") @DecimalMax(ApiPatterns.MAX_MONEY) @Digits(integer = 15, fraction = 6) BigDecimal netCost,
            @Schema(description = "TAPV for s.18(6)(b)")
            @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0") @DecimalMax(ApiPatterns.MAX_MONEY) @Digits(integer = 15, fraction = 6) BigDecimal totalAnnualPurchaseValue,
            @Schema(description = "s.18(6)(b): include HWLC in numerator and denominator") Boolean includeLabourCostsInPurchaseValue,
            @Valid TechnologyInput technology,
            @Valid AssemblyPlantInput assemblyPlant) {
    }

    @Schema(name = "PlantInput", description = "A plant and the average base hourly wage rate of its direct production workers (s.12), in its country's currency")
    public record PlantInput(
            @NotBlank @Size(max = 100) String id,
            @NotNull @Pattern(regexp = "US|CA|MX", message = "must be US, CA or MX: a qualifying plant is in a USMCA country (s.12)") String country,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as MXN") String currency,
            @DecimalMin(value = "0", message = "may not be negative") @DecimalMax("100000000") @Digits(integer = 9, fraction = 6) BigDecimal averageBaseHourlyWage,
            @DecimalMin(value = "0", message = "may not be negative") @DecimalMax(ApiPatterns.MAX_MONEY) @Digits(integer = 15, fraction = 6) BigDecimal baseWages,
            @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0") @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 6) BigDecimal directProductionHours) {
    }

    @Schema(name = "PlantAmount")
    public record PlantAmountInput(
            @NotBlank @Size(max = 100) String plantId,
            @NotNull @DecimalMin(value = "0", message = "may not be negative") @DecimalMax(ApiPatterns.MAX_MONEY) @Digits(integer = 15, fraction = 6) BigDecimal amount) {
    }

    @Schema(name = "TechnologyExpenditures", description = "s.18(9)-(11): corporate-level annual wages in the USMCA countries")
    public record TechnologyInput(
            @NotNull @DecimalMin(value = "0", message = "may not be negative") @DecimalMax(ApiPatterns.MAX_MONEY) @Digits(integer = 15, fraction = 6) BigDecimal researchAndInformationTechnologyWages,
            @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0") @DecimalMax(ApiPatterns.MAX_MONEY) @Digits(integer = 15, fraction = 6) BigDecimal directProductionWages) {
    }

    @Schema(name = "AssemblyPlant", description = "s.18(12)-(14): the high-wage assembly plant for engines, transmissions or advanced battery packs")
    public record AssemblyPlantInput(
            @NotBlank @Size(max = 100) String plantId,
            Boolean operatedByProducer,
            @Min(value = 0, message = "may not be negative") @Max(100) Integer contractYears,
            @Min(value = 0, message = "may not be negative") Long engineCapacity,
            @Min(value = 0, message = "may not be negative") Long transmissionCapacity,
            @Min(value = 0, message = "may not be negative") Long advancedBatteryPackCapacity) {
    }

    @Schema(name = "AlternativeStagingRegime", description = "SOR/2020-155 s.19: the producer's approved alternative staging regime")
    public record StagingRegimeInput(
            @NotNull Boolean approved,
            @Schema(description = "End of the approved period; default 30 June 2025 (s.19(2))") LocalDate approvedUntil,
            Boolean steelAndAluminumExempt) {
    }
}
