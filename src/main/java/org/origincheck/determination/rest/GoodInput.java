package org.origincheck.determination.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.origincheck.domain.automotive.EndUse;
import org.origincheck.domain.bom.WhollyObtained;

@Schema(name = "Good")
public record GoodInput(
        @Size(max = 200) String partNumber,
        @Size(max = 1000) String description,
        @Schema(description = "6 to 10 digits, dots optional. Read in the HTSUS edition in force on asOf: HS 2022 from 2022-01-27 "
                + "(a subheading only HS 2022 has, whatever the date), HS 2017 before; an HS 2022 subheading the rule text's edition "
                + "does not have is read as its counterpart(s) there (reason HS_EDITION_CORRELATED; docs/hs-editions.md)", examples = "8708.40",
                pattern = ApiPatterns.HS_CODE)
        @NotBlank @RequestFormats.HsCodeText String hsCode,
        @Schema(description = "Selects among end-use branches of automotive rules") EndUse endUse,
        @Schema(description = "Where the good is produced: US, MX or CA", examples = "MX", pattern = "US|MX|CA")
        @NotNull @RequestFormats.OneOf(value = {"US", "MX", "CA"}, message = "must be US, MX or CA: only goods produced in a USMCA country can originate (USMCA Art. 4.2)") String producerCountry,
        @Schema(description = "ISO 4217 currency of every amount", examples = "USD", pattern = "[A-Z]{3}")
        @NotNull @RequestFormats.CapitalLetters(count = 3, message = "must be an ISO 4217 code such as USD") String currency,
        @Schema(description = "Transaction value, adjusted to exclude the costs of international shipment (SOR/2020-155 s.7(2))", minimum = "0", exclusiveMinimum = true, maximum = ApiPatterns.MAX_MONEY, multipleOf = 0.000001)
        @Amount(minInclusive = false, minMessage = "must be greater than 0", max = ApiPatterns.MAX_MONEY, integer = 15, fraction = 6) BigDecimal transactionValue,
        @Schema(description = "Net cost (SOR/2020-155 s.7(11)); or give costs", minimum = "0", exclusiveMinimum = true, maximum = ApiPatterns.MAX_MONEY, multipleOf = 0.000001)
        @Amount(minInclusive = false, minMessage = "must be greater than 0", max = ApiPatterns.MAX_MONEY, integer = 15, fraction = 6) BigDecimal netCost,
        @Valid CostsInput costs,
        @Schema(description = "Claim that the good is wholly obtained or produced, with its basis in SOR/2020-155 s.3(1)")
        WhollyObtained whollyObtained,
        @Valid VehicleInput vehicle,
        @Schema(description = "Weight in kilograms. Used by the de minimis by weight of SOR/2020-155 s.5(6) for goods of chapters 50-60 "
                + "and heading 96.19, asked for only there.", minimum = "0", exclusiveMinimum = true, maximum = "1000000000000",
                multipleOf = 0.000001)
        @Amount(minInclusive = false, minMessage = "must be greater than 0", max = "1000000000000", integer = 13, fraction = 6) BigDecimal weight,
        @Schema(description = "The Party the good is imported into: US, CA or MX. With importedFrom, decides the provisions that have "
                + "one text for trade between two Parties (e.g. Canada and the United States, either direction) and another for all "
                + "other trade (rules/usmca/README.md, \"Direction of trade\"); asked only when the answer depends on it.",
                examples = "US", pattern = "US|CA|MX")
        @RequestFormats.OneOf(value = {"US", "CA", "MX"}, message = "must be US, CA or MX") String importingCountry,
        @Schema(description = "ISO 3166-1 alpha-2 code of the country the good is imported from (exported from, not where it was "
                + "produced); asked for goods of Schedule 2 (SOR/2020-155 s.3(7)) and, with importingCountry, for provisions that "
                + "differ by direction of trade.", examples = "CA", pattern = "[A-Z]{2}")
        @RequestFormats.CapitalLetters(count = 2, message = "must be an ISO 3166-1 alpha-2 code such as CA") String importedFrom,
        @Schema(description = "Answers to conditions the law states in words, by question id (the ids returned in "
                + "missingData[].question and listed by GET /api/v1/product-rules): true or false.")
        @Size(max = 100, message = "may hold at most 100 answers")
        Map<@RequestFormats.QuestionId String,
            @NotNull(message = "must be true or false") Boolean> declarations,
        @Schema(description = "true: the good is a set classified by Rule 3 of the General Rules for the Interpretation of the HS "
                + "(USMCA Art. 4.17; SOR/2020-155 s.6). Its materials are then the goods in the set, each with its origin (or the "
                + "evidence that decides it); the set originates if each does, or if the non-originating ones are worth at most 10% "
                + "of the value of the set (good.transactionValue or good.netCost). Not for goods that the HS itself names as sets "
                + "(e.g. manicure sets of 8214.20): their product-specific rule applies.")
        Boolean classifiedAsSet) {

    public GoodInput(String partNumber, String description, String hsCode, EndUse endUse, String producerCountry, String currency,
                     BigDecimal transactionValue, BigDecimal netCost, CostsInput costs, WhollyObtained whollyObtained, VehicleInput vehicle,
                     BigDecimal weight) {
        this(partNumber, description, hsCode, endUse, producerCountry, currency, transactionValue, netCost, costs, whollyObtained, vehicle, weight,
                null, null, null, null);
    }

    /** A good without a weight (the common case: only textile goods ask for it). */
    public GoodInput(String partNumber, String description, String hsCode, EndUse endUse, String producerCountry, String currency,
                     BigDecimal transactionValue, BigDecimal netCost, CostsInput costs, WhollyObtained whollyObtained, VehicleInput vehicle) {
        this(partNumber, description, hsCode, endUse, producerCountry, currency, transactionValue, netCost, costs, whollyObtained, vehicle, null);
    }
}
