package org.origincheck.determination.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.origincheck.domain.evaluation.DeterminationStatus;
import org.origincheck.domain.evaluation.Evaluation;
import org.origincheck.domain.evaluation.Headroom;
import org.origincheck.domain.evaluation.MultiLevelEvaluation;
import org.origincheck.domain.evaluation.PathToQualify;
import org.origincheck.domain.evaluation.MissingData;
import org.origincheck.domain.evaluation.OriginCriterion;
import org.origincheck.domain.evaluation.Reason;
import org.origincheck.domain.evaluation.RvcEntry;
import org.origincheck.domain.rules.RulePackRef;

/** The Determination of the API contract; {@code id} and {@code createdAt} only once stored. */
@Schema(name = "Determination")
public record DeterminationResponse(
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID id,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant createdAt,
        String reference,
        LocalDate asOf,
        RulePackRef rulePack,
        DeterminationStatus status,
        @Schema(description = "A, B, C or D (USMCA Art. 4.2(a)-(d)) when originating, else null") OriginCriterion originCriterion,
        @Schema(description = "true when the answer rests on a product-specific rule whose text is not verified against the official "
                + "text (the good's own rule, reason PRODUCT_RULE_PROVISIONAL, or that of an intermediate material): it holds only if the "
                + "official text says the same, and the review policy always sends it to a compliance officer (state REVIEW_REQUIRED). "
                + "A pack whose option unverifiedRules is REFUSE never answers provisionally: such rules then answer INSUFFICIENT_DATA "
                + "(PRODUCT_RULE_NEEDS_REVIEW). Where the rule text came from is productRule.provenance.")
        boolean provisional,
        Evaluation.AppliedRule productRule,
        @Schema(description = "One entry per RVC method computed; value unrounded, compared unrounded with threshold")
        List<RvcEntry> regionalValueContent,
        @Schema(description = "Every test applied, passed or failed, with its citation (codes: docs/reason-codes.md)")
        List<Reason> reasons,
        @Schema(description = "What is missing when status is INSUFFICIENT_DATA: only the facts the answer depends on. Each entry: "
                + "field (the request field to supply, e.g. good.endUse, materials[2].partOfGood, good.declarations.<id>); message (why); "
                + "question (a stable id for the fact: the field itself, or for a declaration the id to answer in good.declarations / "
                + "materials[].declarations); legalText (the words of the law the fact decides, with their citation; may be null); "
                + "values (the answers it can take, e.g. the five end uses, [\"true\",\"false\"], or for good.importedFrom US, CA, MX "
                + "and OTHER, which stands for any other country's ISO code; empty for a figure such as a cost or a weight). A fact with "
                + "values that was not given is tried with every value first: when all give the same status and criterion the answer is "
                + "given with a HOLDS_FOR_EVERY_VALUE reason and the fact is not asked; otherwise a DEPENDS_ON_UNKNOWN_FACTS reason lists "
                + "the answer for each value. At most 64 combinations are tried; past that every fact is asked.")
        List<MissingData> missingData,
        @Schema(description = "For vehicles and automotive parts: the class, the thresholds applied, and the figures of the core parts, steel and aluminum and LVC tests")
        @JsonInclude(JsonInclude.Include.NON_NULL) org.origincheck.domain.evaluation.AutomotiveResult automotive,
        @Schema(description = "How each material's origin was decided: originSource STATED, COMPONENTS, DETERMINATION or DECLARATION, "
                + "with originSourceId (the declaration or determination that decided it). Present when any material names a supplier or "
                + "evidence; absent when every origin was stated, as submitted.")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<org.origincheck.domain.evaluation.MaterialOrigin> materials,
        @Schema(description = PATH_TO_QUALIFY)
        @JsonInclude(JsonInclude.Include.NON_NULL) PathToQualify pathToQualify,
        @Schema(description = HEADROOM)
        @JsonInclude(JsonInclude.Include.NON_NULL) Headroom headroom,
        @Schema(description = "Only when the submission names scenarios: each scenario's answer as if it were law (a proposal or stress test, "
                + "never stored: GET returns the determination without it)")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ScenarioAnswer> scenarios) {

    static final String PATH_TO_QUALIFY = "Present when status is NOT_ORIGINATING (absent otherwise, and in determinations stored before it existed). "
            + "options, cheapest first: per alternative of the product-specific rule and per RVC method (method null for an alternative "
            + "with no RVC; RVC_DE_MINIMIS for SOR/2020-155 s.5(4)), the non-originating materials (index in materials[], partNumber, value) "
            + "whose origin would have to change for the good to originate, their total valueToResource, and the resultingRegionalValueContent "
            + "by every method the good has a basis for. Tariff shift: every failing material must change, except that those left may be "
            + "worth up to the s.5(1) de minimis (not those s.5(3) excludes). RVC: exactly VNM - basis x (100 - threshold) / 100 must leave VNM. "
            + "bound false: no cheaper set exists (exact search over the values in their smallest unit); bound true: the set suffices but "
            + "a cheaper one may exist (large BOMs, accumulation, materials without a precise classification, textile de minimis by weight), "
            + "lowerBound, when given, is a value no set can cost less than. notSearched: the routes not searched and why (Art. 4.2(d); "
            + "motor vehicles, whose core-part, steel and aluminum and LVC requirements are not modelled: not available).";
    static final String HEADROOM = "Present when the good originates under an RVC (criterion B by alternatives that all require one, or D): "
            + "how much more non-originating value it can take at the same transaction value and net cost before the RVC fails, by the "
            + "method (or the s.5(4) de minimis) that leaves the most room, assuming the added materials meet any tariff shift. For a motor "
            + "vehicle value is null and explanation says it is not available.";

    public static DeterminationResponse of(UUID id, Instant createdAt, Evaluation e) {
        return of(id, createdAt, e, null);
    }

    public static DeterminationResponse of(UUID id, Instant createdAt, Evaluation e, List<org.origincheck.domain.evaluation.MaterialOrigin> materials) {
        return new DeterminationResponse(id, createdAt, e.reference(), e.asOf(), e.rulePack(), e.status(),
                e.originCriterion(), e.provisional(), e.productRule(), e.regionalValueContent(), e.reasons(), e.missingData(), e.automotive(), materials, null, null, null);
    }

    public static DeterminationResponse of(UUID id, Instant createdAt, MultiLevelEvaluation.Assessed assessed) {
        Evaluation e = assessed.evaluation();
        return new DeterminationResponse(id, createdAt, e.reference(), e.asOf(), e.rulePack(), e.status(), e.originCriterion(), e.provisional(),
                e.productRule(), e.regionalValueContent(), e.reasons(), e.missingData(), e.automotive(), assessed.materials(), assessed.pathToQualify(),
                assessed.headroom(), null);
    }

    public DeterminationResponse withScenarios(List<ScenarioAnswer> answers) {
        return new DeterminationResponse(id, createdAt, reference, asOf, rulePack, status, originCriterion, provisional, productRule, regionalValueContent,
                reasons, missingData, automotive, materials, pathToQualify, headroom, answers == null || answers.isEmpty() ? null : List.copyOf(answers));
    }
}
