package org.origincheck.determination.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.origincheck.domain.evaluation.DeterminationStatus;
import org.origincheck.domain.evaluation.Evaluation;
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
        Evaluation.AppliedRule productRule,
        @Schema(description = "One entry per RVC method computed; value unrounded, compared unrounded with threshold")
        List<RvcEntry> regionalValueContent,
        @Schema(description = "Every test applied, passed or failed, with its citation (codes: docs/reason-codes.md)")
        List<Reason> reasons,
        @Schema(description = "What is missing when status is INSUFFICIENT_DATA")
        List<MissingData> missingData,
        @Schema(description = "For vehicles and automotive parts: the class, the thresholds applied, and the figures of the core parts, steel and aluminum and LVC tests")
        @JsonInclude(JsonInclude.Include.NON_NULL) org.origincheck.domain.evaluation.AutomotiveResult automotive,
        @Schema(description = "How each material's origin was decided: originSource STATED, COMPONENTS, DETERMINATION or DECLARATION, "
                + "with originSourceId (the declaration or determination that decided it). Present when any material names a supplier or "
                + "evidence; absent when every origin was stated, as submitted.")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<org.origincheck.domain.evaluation.MaterialOrigin> materials,
        @Schema(description = "Only when the submission names scenarios: each scenario's answer as if it were law (a proposal or stress test, "
                + "never stored: GET returns the determination without it)")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ScenarioAnswer> scenarios) {

    public static DeterminationResponse of(UUID id, Instant createdAt, Evaluation e) {
        return of(id, createdAt, e, null);
    }

    public static DeterminationResponse of(UUID id, Instant createdAt, Evaluation e, List<org.origincheck.domain.evaluation.MaterialOrigin> materials) {
        return new DeterminationResponse(id, createdAt, e.reference(), e.asOf(), e.rulePack(), e.status(),
                e.originCriterion(), e.productRule(), e.regionalValueContent(), e.reasons(), e.missingData(), e.automotive(), materials, null);
    }

    public DeterminationResponse withScenarios(List<ScenarioAnswer> answers) {
        return new DeterminationResponse(id, createdAt, reference, asOf, rulePack, status, originCriterion, productRule, regionalValueContent,
                reasons, missingData, automotive, materials, answers == null || answers.isEmpty() ? null : List.copyOf(answers));
    }
}
