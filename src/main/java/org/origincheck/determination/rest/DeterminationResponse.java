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
        @JsonInclude(JsonInclude.Include.NON_NULL) List<org.origincheck.domain.evaluation.MaterialOrigin> materials) {

    public static DeterminationResponse of(UUID id, Instant createdAt, Evaluation e) {
        return of(id, createdAt, e, null);
    }

    public static DeterminationResponse of(UUID id, Instant createdAt, Evaluation e, List<org.origincheck.domain.evaluation.MaterialOrigin> materials) {
        return new DeterminationResponse(id, createdAt, e.reference(), e.asOf(), e.rulePack(), e.status(),
                e.originCriterion(), e.provisional(), e.productRule(), e.regionalValueContent(), e.reasons(), e.missingData(), e.automotive(), materials);
    }
}
