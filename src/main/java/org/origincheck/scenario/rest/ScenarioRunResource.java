package org.origincheck.scenario.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.origincheck.api.ApiException;
import org.origincheck.api.DateBounds;
import org.origincheck.domain.evaluation.DeterminationStatus;
import org.origincheck.redetermination.ScenarioRunService;
import org.origincheck.security.Caller;
import org.origincheck.security.Roles;

@Path("/api/v1/scenario-runs")
@SecurityRequirement(name = "bearer")
@Tag(name = "Scenario runs", description = "A scenario applied to the tenant's stored determinations: which would change status, by chapter and by value")
@Produces(MediaType.APPLICATION_JSON)
public class ScenarioRunResource {

    private final ScenarioRunService runs;
    private final Caller caller;

    public ScenarioRunResource(ScenarioRunService runs, Caller caller) {
        this.runs = runs;
        this.caller = caller;
    }

    @Schema(name = "ScenarioRunRequest")
    public record RunRequest(
            @Schema(description = "The scenario id (GET /api/v1/scenarios)", examples = "auto-rvc-85")
            @NotNull @Size(max = 50) String scenario,
            @Schema(description = "Evaluate every determination on this date (1994-01-01 to 2100-12-31); default: each on its own asOf") LocalDate asOf,
            @Valid FilterInput filter) {
    }

    @Schema(name = "ScenarioRunFilter", description = "Which stored determinations the run covers; filters combine with AND, absent means any")
    public record FilterInput(
            @Size(max = 200) String partNumber,
            @Schema(description = "The stored status") DeterminationStatus status,
            @Schema(description = "Leading digits of the good's HS code, without dots (e.g. 87 for a chapter)")
            @Pattern(regexp = "\\d{2,10}", message = "must be the leading digits of an HS code, without dots") String hsCode,
            @Schema(description = "UTC date on createdAt, inclusive (years 1 to 9999)") LocalDate from,
            @Schema(description = "UTC date on createdAt, inclusive (years 1 to 9999)") LocalDate to,
            @Schema(description = "Only the newest determination of each part number (default true); determinations without a part number are each taken")
            Boolean latestPerPartNumber) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    @Operation(operationId = "startScenarioRun", summary = "Start applying a scenario to the tenant's stored determinations",
            description = "Answers 202 with the run and its Location. Each determination is evaluated twice on the same date (its own asOf, or asOf): "
                    + "under the law in force and under the scenario, so a change is the scenario's effect only. The run is a job of the "
                    + "re-determination machinery: its chunks are shared by the workers of every replica, round-robin across tenants, and resumed "
                    + "after a restart. Nothing is stored for a determination; the run keeps, per determination, the two statuses, the good's "
                    + "chapter and value (transaction value, else net cost, in its currency) and the reasons for a change.")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "202", description = "Started: the run, and its Location",
            headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Location", description = "The run's URL (GET /api/v1/scenario-runs/{id})", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "uri")),
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON, schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = org.origincheck.redetermination.ScenarioRunService.Run.class)))
    public Response start(@Valid @NotNull RunRequest request, @Context UriInfo uri) {
        FilterInput f = request.filter();
        // These dates reach a date column: beyond PostgreSQL's range they were a 500 (security review 2026-12-05, finding 2).
        // asOf has the range of a submission's asOf; filter dates that of the list endpoints' query dates (years 1 to 9999).
        if (!DateBounds.withinAsOfRange(request.asOf())) {
            throw ApiException.invalid("asOf", DateBounds.OUTSIDE_AS_OF_RANGE);
        }
        if (f != null) {
            storable("filter.from", f.from());
            storable("filter.to", f.to());
        }
        if (f != null && f.from() != null && f.to() != null && f.to().isBefore(f.from())) {
            throw ApiException.invalid("filter.to", "is before 'filter.from'");
        }
        ScenarioRunService.Run run = runs.start(caller.tenant(), caller.subject(), request.scenario(), request.asOf(), f == null ? null
                : new ScenarioRunService.Filter(f.partNumber(), f.status(), f.hsCode(), f.from(), f.to(), f.latestPerPartNumber()));
        return Response.accepted(run).location(uri.getAbsolutePathBuilder().path(run.id()).build()).build();
    }

    private static void storable(String field, LocalDate date) {
        if (!DateBounds.storable(date)) {
            throw ApiException.invalid(field, DateBounds.OUTSIDE_STORABLE_RANGE);
        }
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(operationId = "getScenarioRun", summary = "Progress and summary of a scenario run",
            description = "total, done, changed, failed, state (RUNNING, DONE); summary.byStatusChange (status under the law -> under the scenario, "
                    + "with counts), summary.byChapter (evaluated, changed, stop and start qualifying), summary.byValue (per currency, the goods' "
                    + "transaction value, else net cost: evaluated, changed, stop and start qualifying). The summary covers the items done so far.")
    public ScenarioRunService.Run progress(@PathParam("id") String id) {
        return runs.run(ApiException.uuidOrNotFound(id, "scenario run"), caller.tenant());
    }

    @GET
    @Path("{id}/changes")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(operationId = "listScenarioRunChanges", summary = "The determinations whose status would change under the scenario, largest value first, with the reasons",
            description = "reasons: the scenario's tests that the law's answer does not have (up to 5). ?chapter=87 narrows to one chapter. "
                    + "JSON is a page: page from 0 (default 0), size 1 to 200 (default 50), as every list of the API, and total; the order "
                    + "(value, then part number, then determination id) is stable, so pages never overlap. A page or size out of range is a "
                    + "400 problem naming it. Accept: text/csv gives every change, one line each (reasons joined by ' | '), streamed as it "
                    + "is read (page and size are ignored).")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "A page of the changes (JSON), or every change, one line each (Accept: text/csv)",
            content = {@org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON, schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(
                    implementation = ScenarioRunService.ChangesPage.class)),
                    @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "text/csv", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    public Response changes(@PathParam("id") String id,
                            @QueryParam("chapter") @Pattern(regexp = "\\d{2}", message = "must be a two-digit chapter") String chapter,
                            @QueryParam("page") @jakarta.ws.rs.DefaultValue("0") @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(1_000_000) int page,
                            @QueryParam("size") @jakarta.ws.rs.DefaultValue("50") @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(200) int size,
                            @Context jakarta.ws.rs.core.HttpHeaders headers, @Context io.vertx.core.http.HttpServerResponse response) {
        java.util.UUID run = ApiException.uuidOrNotFound(id, "scenario run");
        boolean csv = org.origincheck.api.AcceptedForm.prefers(headers, MediaType.valueOf("text/csv"), MediaType.APPLICATION_JSON_TYPE);
        if (!csv) {
            return Response.ok(runs.changes(run, caller.tenant(), chapter, page, size), MediaType.APPLICATION_JSON).build();
        }
        runs.run(run, caller.tenant()); // an unknown or another tenant's run is a 404 before the answer starts
        String tenant = caller.tenant();
        jakarta.ws.rs.core.StreamingOutput lines = output -> {
            java.io.Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(org.origincheck.api.StreamedAnswer.of(output, response),
                    java.nio.charset.StandardCharsets.UTF_8));
            out.write("determinationId,partNumber,hsCode,chapter,value,currency,lawStatus,scenarioStatus,scenarioCriterion,reasons\r\n");
            runs.eachChange(run, tenant, chapter, c -> {
                try {
                    out.write(String.join(",", List.of(c.determinationId(), csv(c.partNumber()), c.hsCode(), csv(c.chapter()),
                            c.value() == null ? "" : c.value().toPlainString(), csv(c.currency()), c.lawStatus(), c.scenarioStatus(), csv(c.scenarioCriterion()),
                            csv(c.reasons().stream().map(r -> r.code() + " " + r.outcome() + ": " + r.message()).collect(Collectors.joining(" | "))))));
                    out.write("\r\n");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            out.flush();
        };
        return Response.ok(lines, "text/csv;charset=UTF-8").build();
    }

    /** One cell, as every CSV of the service writes it (api/CsvCells: no formula runs in a spreadsheet, a leading tab or CR included). */
    private static String csv(String value) {
        return org.origincheck.api.CsvCells.cell(value);
    }
}
