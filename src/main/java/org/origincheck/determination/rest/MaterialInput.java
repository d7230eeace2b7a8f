package org.origincheck.determination.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.origincheck.domain.bom.MaterialKind;
import org.origincheck.domain.bom.OriginStatus;

@Schema(name = "Material")
public record MaterialInput(
        @Size(max = 200) String partNumber,
        @Size(max = 1000) String description,
        @Schema(description = "6 to 10 digits, dots optional; needed for non-originating materials tested for a tariff shift. Read "
                + "in the HTSUS edition in force on asOf, like good.hsCode; when missingData asks it with HS 2017 subheadings as values, "
                + "give the one the material falls in", pattern = ApiPatterns.HS_CODE)
        @RequestFormats.HsCodeText String hsCode,
        @Schema(description = "UNKNOWN counts as non-originating (USMCA Art. 4.5). Required unless supplierId or determinationId "
                + "names the evidence that decides it")
        OriginStatus origin,
        @Schema(pattern = "[A-Z]{2}")
        @RequestFormats.CapitalLetters(count = 2, message = "must be an ISO 3166-1 alpha-2 code such as CN") String countryOfOrigin,
        @Schema(description = "Value of the material under SOR/2020-155 s.8, in the good's currency", minimum = "0", maximum = ApiPatterns.MAX_MONEY, multipleOf = 0.000001)
        @NotNull @Amount(minMessage = "may not be negative", max = ApiPatterns.MAX_MONEY, integer = 15, fraction = 6) BigDecimal value,
        @Schema(minimum = "0", maximum = "1000000000000", multipleOf = 0.000001)
        @Amount(minMessage = "may not be negative", max = "1000000000000", integer = 13, fraction = 6) BigDecimal quantity,
        @Size(max = 20) String unit,
        @Schema(description = "DIRECT (default), INDIRECT, RETAIL_PACKAGING, SHIPPING_PACKING or ACCESSORY (SOR/2020-155 s.8(13)-(27)). "
                + "RETAIL_PACKAGING and ACCESSORY are the producer's attestation that the conditions of s.8(14) (classified with the good) "
                + "and s.8(23) (delivered with, not invoiced separately, customary in type, quantity and value) are met; otherwise send DIRECT.")
        MaterialKind kind,
        @Schema(description = "Whether the material is provided for as a part of the good in the HS (heading or subheading covering "
                + "the good and its parts). Asked for only when USMCA Art. 4.2(d) could decide origin (SOR/2020-155 s.3(4)-(5)).")
        Boolean partOfGood,
        @Schema(description = "Weight in kilograms. Used by the de minimis by weight of SOR/2020-155 s.5(6) for goods of chapters 50-60 "
                + "and heading 96.19, asked for only there.", minimum = "0", maximum = "1000000000000", multipleOf = 0.000001)
        @Amount(minMessage = "may not be negative", max = "1000000000000", integer = 13, fraction = 6) BigDecimal weight,
        @Schema(description = "The supplier (its id in GET /api/v1/supplier-declarations). With origin omitted, the origin comes from "
                + "that supplier's declaration for this partNumber valid on asOf; without one it is UNKNOWN, with a reason naming "
                + "supplier and part. With origin given, the stated origin is used and the pair is still listed by the gaps report.")
        @Size(max = 100) String supplierId,
        @Schema(description = "A determination stored by this tenant: the material's origin is that determination's conclusion as it "
                + "stood after review at the end of asOf (UTC). Pending review, rejected, or made after asOf: UNKNOWN. Leave origin out.")
        java.util.UUID determinationId,
        @Schema(description = "The materials of a material the producer makes itself: an intermediate material (USMCA Art. 4.8; "
                + "SOR/2020-155 s.8(6)-(8)). Its origin is determined first, from these components, under its own product-specific rule "
                + "(its hsCode is then required; leave origin out); the answer nests that determination under materials[].determination. "
                + "Same shape, recursively, up to origincheck.limits.max-bom-depth levels; all levels together count against max-materials.")
        List<@NotNull(message = "must be a material object, not null") @Valid MaterialInput> components,
        @Schema(description = "For an intermediate material: its transaction value, if it has one (SOR/2020-155 s.7(2))", minimum = "0", exclusiveMinimum = true, maximum = ApiPatterns.MAX_MONEY, multipleOf = 0.000001)
        @Amount(minInclusive = false, minMessage = "must be greater than 0", max = ApiPatterns.MAX_MONEY, integer = 15, fraction = 6) BigDecimal transactionValue,
        @Schema(description = "For an intermediate material: its net cost (SOR/2020-155 s.7(11)); or give costs", minimum = "0", exclusiveMinimum = true, maximum = ApiPatterns.MAX_MONEY, multipleOf = 0.000001)
        @Amount(minInclusive = false, minMessage = "must be greater than 0", max = ApiPatterns.MAX_MONEY, integer = 15, fraction = 6) BigDecimal netCost,
        @Schema(description = "For an intermediate material: total cost and excluded costs, net cost = the difference")
        @Valid CostsInput costs,
        @Schema(description = "Answers to conditions the law states in words about this material, by question id (the ids returned in "
                + "missingData[].question): true or false.")
        @Size(max = 100, message = "may hold at most 100 answers")
        Map<@RequestFormats.QuestionId String,
            @NotNull(message = "must be true or false") Boolean> declarations,
        @Schema(description = "Only for a material with components (a self-produced material): whether the producer designates it an "
                + "intermediate material, which is solely the producer's choice and counts only for the regional value content "
                + "(SOR/2020-155 s.8(6), s.8(7)(b)). true: it must itself originate to count as originating (s.8(7)(a)); originating, its "
                + "whole value (its total cost, s.8(8)) counts as originating and the non-originating materials used to make it are not "
                + "in the good's VNM (s.7(4)(b)); not originating, its whole value counts as non-originating. false: whether or not it "
                + "originates, only the value of the non-originating materials used to make it counts in the good's VNM (s.7(5)(a)); the "
                + "good's netCost (or costs) must then be computed with this material's costs as the good's own, its excluded costs "
                + "deducted too (s.8 Example 3, Situation B: 22.80, against 23.00 designated in Situation C). Either way the tariff shift "
                + "reads the material at its own origin. Omitted: an originating one is counted as designated (never a greater VNM with "
                + "the same figures); for one that does not originate, or is undetermined, both treatments are tried with the submitted "
                + "figures and, if they give different answers, the determination is INSUFFICIENT_DATA asking for this field "
                + "(missingData question materials[i].designatedIntermediate). Under s.8(6) a designated intermediate material subject to "
                + "an RVC may not contain another designated one subject to an RVC: false on either lifts that; true on both is refused "
                + "(INSUFFICIENT_DATA, a FAIL reason citing s.8(6)).")
        Boolean designatedIntermediate) {

    public MaterialInput(String partNumber, String description, String hsCode, OriginStatus origin, String countryOfOrigin,
                         BigDecimal value, BigDecimal quantity, String unit, MaterialKind kind, Boolean partOfGood, BigDecimal weight,
                         String supplierId, java.util.UUID determinationId, List<MaterialInput> components, BigDecimal transactionValue,
                         BigDecimal netCost, CostsInput costs, Map<String, Boolean> declarations) {
        this(partNumber, description, hsCode, origin, countryOfOrigin, value, quantity, unit, kind, partOfGood, weight, supplierId,
                determinationId, components, transactionValue, netCost, costs, declarations, null);
    }

    public MaterialInput(String partNumber, String description, String hsCode, OriginStatus origin, String countryOfOrigin,
                         BigDecimal value, BigDecimal quantity, String unit, MaterialKind kind, Boolean partOfGood, BigDecimal weight,
                         String supplierId, java.util.UUID determinationId, List<MaterialInput> components, BigDecimal transactionValue,
                         BigDecimal netCost, CostsInput costs) {
        this(partNumber, description, hsCode, origin, countryOfOrigin, value, quantity, unit, kind, partOfGood, weight, supplierId,
                determinationId, components, transactionValue, netCost, costs, null);
    }

    /** A material without a weight (the common case: only textile goods ask for it). */
    public MaterialInput(String partNumber, String description, String hsCode, OriginStatus origin, String countryOfOrigin,
                         BigDecimal value, BigDecimal quantity, String unit, MaterialKind kind, Boolean partOfGood) {
        this(partNumber, description, hsCode, origin, countryOfOrigin, value, quantity, unit, kind, partOfGood, null, null, null, null, null, null, null);
    }
}
