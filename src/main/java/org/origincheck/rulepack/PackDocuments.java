package org.origincheck.rulepack;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.origincheck.domain.automotive.CorePartsRollUp;
import org.origincheck.domain.automotive.SteelAndAluminumShare;
import org.origincheck.domain.automotive.VehicleClass;
import org.origincheck.domain.automotive.EndUse;
import org.origincheck.domain.hs.HsLevel;

/** The pack's file formats as read from YAML (documented in rules/README.md). */
final class PackDocuments {
    private PackDocuments() {
    }

    record Manifest(String id, String version, String title, LocalDate effectiveFrom, LocalDate effectiveTo,
                    List<Source> sources, String parameters, String deMinimisExclusions, String scheduleTwo, String chapterRules, List<String> productRules,
                    List<String> drl, Map<String, String> options, AutomotiveFiles automotive, HsEditionsDoc hsEditions) {
    }

    /**
     * How a submission's HS codes read in the edition of the rule texts (rules/usmca/README.md, "HS editions"): the correlation
     * table (tab-separated: HS 2022 subheading, HS 2017 subheading, relationship; six digits, one header row), how a reason cites
     * it, the date from which a submission's codes are read in HS 2022 (the date the HTSUS took the edition in), and the ids
     * (prefixes) of rules written in an earlier edition.
     */
    record HsEditionsDoc(String correlation, String citation, LocalDate hs2022From, List<String> earlierEditionRules) {
    }

    /** The automotive part of the pack: its requirements and its tables (rules/README.md). */
    record AutomotiveFiles(String requirements, String tables) {
    }

    record TablesDoc(List<TableDoc> tables) {
    }

    record TableDoc(String table, String citation, String note, List<EntryDoc> entries) {
    }

    record EntryDoc(String hs, boolean ex, String description, String part, String metal) {
    }

    record RequirementsDoc(OptionsDoc options, Map<String, ScheduleDoc> partSchedules, Map<VehicleClass, LvcDoc> laborValueContent,
                           CreditsDoc credits, List<WageFloorDoc> wageFloors, SteelDoc steelAndAluminum, StagingDoc stagingRegime,
                           CorePartSubheadingsDoc corePartSubheadings) {
    }

    /** Table A.2 column 1: where each core part is itself classified. */
    record CorePartSubheadingsDoc(String citation, Map<org.origincheck.domain.automotive.AutomotiveFacts.CorePartCategory, List<String>> parts) {
    }

    /** SOR/2020-155 Schedule 2, for s.3(7). */
    record ScheduleTwoDoc(String citation, List<ScheduleTwoEntryDoc> goods) {
    }

    record ScheduleTwoEntryDoc(String subheading, String group, String narrowedTo) {
    }

    record OptionsDoc(CorePartsRollUp corePartsRollUp, SteelAndAluminumShare steelAndAluminumShare,
                      org.origincheck.domain.automotive.PartsRuleForListedParts partsRuleForListedParts) {
    }

    record ScheduleDoc(String description, String citation, boolean mandatory, JsonNode netCost, JsonNode transactionValue) {
    }

    record LvcDoc(String citation, JsonNode total, JsonNode highWageMinimum) {
    }

    record CreditsDoc(BigDecimal technologyMaximum, String technologyCitation, BigDecimal assemblyCredit, String assemblyCitation,
                      int minimumContractYears, CapacityDoc passengerVehicleOrLightTruckParts, CapacityDoc heavyTruckParts) {
    }

    record CapacityDoc(long engines, long transmissions, long advancedBatteryPacks) {
    }

    record WageFloorDoc(String country, String currency, BigDecimal amount, String citation) {
    }

    record SteelDoc(String citation, BigDecimal share, LocalDate meltedAndPouredFrom, List<String> rawMaterialHeadings) {
    }

    record StagingDoc(String citation, LocalDate from, LocalDate to, BigDecimal laborValueContent, BigDecimal highWageMinimum) {
    }

    record Source(String id, String title, String revision, String url) {
    }

    record ParameterDoc(String description, String reference, Map<LocalDate, BigDecimal> values) {
    }

    record ExclusionsDoc(List<ExclusionDoc> exclusions) {
    }

    record ExclusionDoc(String id, String citation, List<String> goods, List<String> materials,
                        Boolean unlessDifferentSubheading, List<ConditionDoc> conditions, Boolean weightBased) {
    }

    record ConditionDoc(List<String> goods, List<String> materials, String text) {
    }

    record RuleDoc(String id, List<String> scope, List<EndUse> endUses, List<org.origincheck.domain.automotive.VehicleClass> vehicleClasses, LocalDate effectiveFrom, LocalDate effectiveTo,
                   String citation, String source, String verification, String text, List<AlternativeDoc> alternatives,
                   String notes, String partsRuleUnavailable, String manualReview, String unverified,
                   org.origincheck.domain.rules.DirectionOfTrade trade) {
    }

    /** rules/usmca/chapter-rules.yaml: how the engine applies the chapter rules of chapters 61-63 (the text is the note's). */
    record ChapterRulesDoc(List<ChapterRuleDoc> chapterRules) {
    }

    record ChapterRuleDoc(String note, String chapter, Integer number, String kind, LocalDate effectiveFrom, List<String> notForGoods,
                          List<String> materials, QuestionDoc question, QuestionDoc condition, ApplicabilityDoc appliesTo,
                          List<QuestionDoc> declarations, List<Integer> notSubjectTo) {
    }

    record QuestionDoc(String id, String words) {
    }

    record ApplicabilityDoc(List<String> goods, List<String> materials, QuestionDoc question, Boolean appliesWhen) {
    }

    record NoteDoc(String id, String citation, String scope, String text) {
    }

    record AlternativeDoc(String label, ShiftDoc tariffShift, RvcDoc regionalValueContent) {
    }

    record ShiftDoc(List<FromDoc> from, List<String> except) {
    }

    /** Exactly one of: anyOther (a level), outside (provisions), provisions (named sources). */
    record FromDoc(HsLevel anyOther, List<String> outside, List<String> provisions) {
    }

    /** Each method: a number (in force for the whole pack) or a list of {from, to, value}. */
    record RvcDoc(JsonNode transactionValue, JsonNode netCost) {
    }
}
