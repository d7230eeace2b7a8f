package org.origincheck.determination.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request body of POST /api/v1/determinations and /api/v1/evaluations (see the API contract). */
@Schema(name = "BomSubmission", description = "A bill of materials to evaluate under the USMCA rules of origin")
public record BomSubmission(
        @Schema(description = "The submitter's own reference (purchase order, change number ...)", examples = "PO-4411")
        @Size(max = 200) String reference,
        @Schema(description = "Date on which origin is determined (ISO date; default: today, UTC)", examples = "2026-07-01")
        LocalDate asOf,
        @Schema(description = "Rule pack id; default: the USMCA pack in force on asOf", examples = "usmca")
        @Size(max = 50) @Pattern(regexp = "[a-z0-9-]+", message = "must be a rule pack id such as 'usmca'") String rulePack,
        @NotNull @Valid GoodInput good,
        @Schema(description = "The materials used in producing the good")
        List<@NotNull(message = "must be a material object, not null") @Valid MaterialInput> materials,
        @Schema(description = "Producer-level facts for vehicles and automotive parts (SOR/2020-155 Part 6)")
        @Valid AutomotiveInput automotive,
        @Schema(description = "Scenario ids (GET /api/v1/scenarios): the answer then has scenarios[], each scenario's status, criterion, RVC and "
                + "reasons beside the determination under the law in force. A scenario is a proposal or stress test, not law: nothing of it is "
                + "stored, and GET /api/v1/determinations/{id} returns the determination without it. An unknown id is a 400 naming scenarios[i].",
                examples = "[\"auto-rvc-85\"]")
        @Size(max = 10, message = "at most 10 scenarios per submission")
        List<@NotNull(message = "must be a scenario id, not null") String> scenarios) {

    public BomSubmission(String reference, LocalDate asOf, String rulePack, GoodInput good, List<MaterialInput> materials, AutomotiveInput automotive) {
        this(reference, asOf, rulePack, good, materials, automotive, null);
    }
}
