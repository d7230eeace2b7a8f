package org.origincheck.determination.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.origincheck.api.Problem;
import org.origincheck.determination.DeterminationService;
import org.origincheck.security.Caller;
import org.origincheck.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/api/v1/evaluations")
@SecurityRequirement(name = "bearer")
@Tag(name = "Evaluations", description = "What-if: evaluate without storing")
public class EvaluationResource {

    private final DeterminationService service;
    private final Caller caller;

    private final SubmissionMapper submissions;
    private final JsonEvidenceFormat format;

    private final org.origincheck.scenario.ScenarioService scenarios;

    public EvaluationResource(DeterminationService service, SubmissionMapper submissions, JsonEvidenceFormat format, Caller caller,
                              org.origincheck.scenario.ScenarioService scenarios) {
        this.scenarios = scenarios;
        this.service = service;
        this.submissions = submissions;
        this.format = format;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "evaluateBom", summary = "Evaluate a BOM without storing it", description = "Same body and answer as POST /api/v1/determinations, without id and createdAt. "
            + "With scenarios: [\"id\", ...], the answer also has scenarios[]: each scenario's status, criterion, RVC and reasons as if it were law "
            + "(a proposal or stress test, never law); an unknown id is a 400 naming scenarios[i].")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BomSubmission.class),
            examples = {@ExampleObject(name = "steam boiler", value = OpenApiExamples.BOILER),
                    @ExampleObject(name = "passenger vehicle with core parts, steel and aluminum, and LVC", value = OpenApiExamples.PASSENGER_VEHICLE)}))
    @APIResponse(responseCode = "200", description = "The answer, not stored", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeterminationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid submission, each field named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.SUBMITTER)
    public Response evaluate(String body) {
        BomSubmission submission = submissions.parse(body);
        var bom = submissions.toBom(submission, caller.tenant());
        var base = service.selectPack(submission.rulePack(), bom.asOf());
        var chosen = scenarios.check(submission.scenarios(), base);
        var assessed = service.answer(bom, submission.rulePack());
        var answers = chosen.stream().map(s -> ScenarioAnswer.of(s, scenarios.evaluate(bom, base, s))).toList();
        return Response.ok(format.write(DeterminationResponse.of(null, null, assessed).withScenarios(answers)), MediaType.APPLICATION_JSON).build();
    }
}
