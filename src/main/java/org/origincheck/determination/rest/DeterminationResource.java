package org.origincheck.determination.rest;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.origincheck.api.ApiException;
import org.origincheck.api.Problem;
import org.origincheck.determination.DeterminationRecord;
import org.origincheck.determination.DeterminationReports;
import org.origincheck.determination.DeterminationQueries;
import org.origincheck.determination.DeterminationRefused;
import org.origincheck.determination.DeterminationService;
import org.origincheck.security.Caller;
import org.origincheck.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.origincheck.domain.evaluation.DeterminationStatus;

@Path("/api/v1/determinations")
@SecurityRequirement(name = "bearer")
@org.eclipse.microprofile.openapi.annotations.security.SecurityScheme(securitySchemeName = "bearer",
        type = org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT from the identity provider (OIDC; machines use the client-credentials grant), with the claims "
                + "'tenant' and 'groups' (submitter, reviewer, auditor, admin). In the dev profile: POST /dev/sign-in.")
@Tag(name = "Determinations", description = "Evaluate a bill of materials and keep the result as evidence")
public class DeterminationResource {

    /** The determination's status in every representation, for scripts that read headers only. */
    public static final String STATUS_HEADER = "OriginCheck-Status";

    private final DeterminationService service;
    private final SubmissionMapper submissions;
    private final DeterminationQueries queries;
    private final DeterminationReports reports;
    private final Caller caller;

    private final org.origincheck.scenario.ScenarioService scenarios;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;

    public DeterminationResource(DeterminationService service, SubmissionMapper submissions, DeterminationQueries queries,
                                 DeterminationReports reports, Caller caller, org.origincheck.scenario.ScenarioService scenarios,
                                 com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.scenarios = scenarios;
        this.mapper = mapper;
        this.service = service;
        this.submissions = submissions;
        this.queries = queries;
        this.reports = reports;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, DeterminationReports.JUNIT_XML, MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.SUBMITTER)
    @Operation(operationId = "createDetermination", summary = "Evaluate a BOM and store the determination",
            description = "The body is JSON (BomSubmission) or CSV (text/csv: one line per material, the good in the query string). "
                    + "Answers 201 with the determination and its Location. The submission is stored exactly as received, "
                    + "the response exactly as returned; neither can be changed or deleted afterwards. With an Idempotency-Key, a retry "
                    + "with the same body returns the first determination (header Idempotent-Replayed: true) and the same key with "
                    + "another body is a 422. Accept: application/xml answers a JUnit XML report, text/plain a summary; the header "
                    + "OriginCheck-Status carries the status in every form. With scenarios: [\"id\", ...] (GET /api/v1/scenarios), this response "
                    + "also has scenarios[], each scenario's answer as if it were law; they are not stored (a scenario is not law), so GET returns "
                    + "the determination without them. An unknown scenario id is a 400 naming scenarios[i], and nothing is stored; the scenarios are "
                    + "evaluated before the determination is stored, so a scenario that fails leaves nothing stored either.")
    // JSON and CSV are two Java methods but one OpenAPI operation (one per path and method): the JSON one documents both,
    // JSON first, so a generated client's typed method takes a BomSubmission.
    @RequestBody(required = true, content = {@Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BomSubmission.class),
            examples = {@ExampleObject(name = "steam boiler", value = OpenApiExamples.BOILER),
                    @ExampleObject(name = "passenger vehicle with core parts, steel and aluminum, and LVC", value = OpenApiExamples.PASSENGER_VEHICLE)}),
            @Content(mediaType = CsvBillOfMaterials.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                    description = "RFC 4180, UTF-8: one line per material, the first line naming the columns partNumber, description, hsCode, "
                            + "origin, countryOfOrigin, value, quantity, unit, kind, partOfGood (origin and value required). The good is in the "
                            + "query string: hsCode, producerCountry, currency, transactionValue, netCost, endUse, asOf, reference, rulePack, "
                            + "partNumber, description (a JSON body has them in the body, so they are not parameters of this operation). Errors "
                            + "name the line and column. The CSV and its query string are stored as received."),
                    examples = @ExampleObject(name = "steam boiler as CSV", value = OpenApiExamples.BOILER_CSV))})
    @APIResponse(responseCode = "201", description = "Stored (or, with the same Idempotency-Key and body, the first determination again)",
            headers = {@Header(name = "Location", description = "The determination's URL (GET /api/v1/determinations/{id})", schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = STATUS_HEADER, description = "ORIGINATING, NOT_ORIGINATING or INSUFFICIENT_DATA", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Idempotent-Replayed", description = "true when this is the first determination made with the same Idempotency-Key", schema = @Schema(type = SchemaType.STRING))},
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeterminationResponse.class)),
                    @Content(mediaType = DeterminationReports.JUNIT_XML, schema = @Schema(type = SchemaType.STRING, description = "A JUnit XML report (Accept: application/xml)")),
                    @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING, description = "A summary for logs (Accept: text/plain)"))})
    @APIResponse(responseCode = "400", description = "Invalid submission, each field named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad HS code", value = OpenApiExamples.PROBLEM)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The token's roles do not allow it", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "Body too large", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "No rule pack in force on asOf, or an Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Nothing was stored; send the same request (with its Idempotency-Key) again after Retry-After"
            + " seconds: the database cannot be reached, or too many determinations wait for room to be evaluated or stored, or a body over"
            + " 64 KiB for room to be read (origincheck.limits.large-body-bytes-at-once). Determinations"
            + " posted at the same time are stored together in one transaction, each answered 201 only after it committed (group commit);"
            + " a failure of that transaction is answered only to the request it concerns.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(String body, @Context UriInfo uri, @Context HttpHeaders headers,
                           @Parameter(description = "Makes a retry safe: 1 to 200 visible ASCII characters, e.g. a UUID or the SHA-256 of the BOM file")
                           @HeaderParam("Idempotency-Key") String idempotencyKey) {
        checkKey(idempotencyKey);
        BomSubmission submission = submissions.parse(body);
        var bom = submissions.toBom(submission, caller.tenant());
        List<ScenarioAnswer> answers = List.of();
        if (submission.scenarios() != null && !submission.scenarios().isEmpty()) {
            // Computed before the transaction that stores: a scenario that cannot be evaluated must leave nothing stored
            // (and no Idempotency-Key taken), not a stored determination behind a failed request.
            var base = service.selectPack(submission.rulePack(), bom.asOf());
            answers = scenarios.check(submission.scenarios(), base).stream().map(s -> ScenarioAnswer.of(s, scenarios.evaluate(bom, base, s))).toList();
        }
        DeterminationService.Stored stored = service.create(new DeterminationService.Received(body, MediaType.APPLICATION_JSON, null),
                bom, submission.rulePack(), caller.tenant(), caller.subject(), idempotencyKey);
        if (!answers.isEmpty()) {
            // The scenarios' answers go beside the determination in this response only: they are not law, so not evidence.
            stored = new DeterminationService.Stored(stored.id(), withScenarios(stored.json(), answers), stored.status(), stored.replayed());
        }
        return created(stored, uri, headers);
    }

    @POST
    @Consumes(CsvBillOfMaterials.MEDIA_TYPE)
    @Produces({MediaType.APPLICATION_JSON, DeterminationReports.JUNIT_XML, MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.SUBMITTER)
    @Operation(hidden = true, // documented with createDetermination above: the same path and method are one OpenAPI operation
            summary = "Evaluate a BOM uploaded as CSV and store the determination",
            description = "The body is CSV (RFC 4180, UTF-8), one line per material, the first line naming the columns: "
                    + "partNumber, description, hsCode, origin, countryOfOrigin, value, quantity, unit, kind, partOfGood (origin and value "
                    + "required). The good is given in query parameters. Errors name the line and column. The CSV is stored as received.")
    public Response createFromCsv(String body, @Context UriInfo uri, @Context HttpHeaders headers,
                                  @HeaderParam("Idempotency-Key") String idempotencyKey,
                                  @QueryParam("reference") String reference, @QueryParam("asOf") String asOf,
                                  @QueryParam("rulePack") String rulePack, @QueryParam("partNumber") String partNumber,
                                  @QueryParam("description") String description, @QueryParam("hsCode") String hsCode,
                                  @QueryParam("endUse") String endUse, @QueryParam("producerCountry") String producerCountry,
                                  @QueryParam("currency") String currency, @QueryParam("transactionValue") String transactionValue,
                                  @QueryParam("netCost") String netCost) {
        checkKey(idempotencyKey);
        try {
            BomSubmission submission = CsvBillOfMaterials.read(body, new CsvBillOfMaterials.GoodParameters(reference, asOf, rulePack, partNumber,
                    description, hsCode, endUse, producerCountry, currency, transactionValue, netCost));
            DeterminationService.Stored stored = service.create(new DeterminationService.Received(body, CsvBillOfMaterials.MEDIA_TYPE,
                            uri.getRequestUri().getRawQuery()), submissions.toBom(submission, caller.tenant()), submission.rulePack(),
                    caller.tenant(), caller.subject(), idempotencyKey);
            return created(stored, uri, headers);
        } catch (ApiException e) {
            throw CsvBillOfMaterials.toLines(e);
        } catch (DeterminationRefused e) {
            throw CsvBillOfMaterials.toLines(new ApiException(DeterminationProblems.problem(e)));
        }
    }

    /** The stored JSON byte for byte, with scenarios[] added as its last member (no re-serialisation of the evidence). */
    private String withScenarios(String json, List<ScenarioAnswer> answers) {
        try {
            int end = json.lastIndexOf('}');
            return json.substring(0, end) + ",\"scenarios\":" + mapper.writeValueAsString(answers) + json.substring(end);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not serialise the scenarios' answers", e);
        }
    }

    private Response created(DeterminationService.Stored stored, UriInfo uri, HttpHeaders headers) {
        java.net.URI location = uri.getBaseUriBuilder().path("api/v1/determinations").path(stored.id().toString()).build();
        Response.ResponseBuilder response = represent(Response.status(Response.Status.CREATED).location(location), stored.json(), headers)
                .header(STATUS_HEADER, stored.status());
        if (stored.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    /** The stored JSON as is, or the JUnit XML or text derived from it, as the Accept header asks. */
    private Response.ResponseBuilder represent(Response.ResponseBuilder response, String json, HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !accepted.isWildcardType()) {
                break;
            }
            if (accepted.isCompatible(MediaType.APPLICATION_XML_TYPE) && !accepted.isWildcardType()) {
                return response.type(DeterminationReports.JUNIT_XML).entity(reports.junitXml(json));
            }
            if (accepted.isCompatible(MediaType.TEXT_PLAIN_TYPE) && !accepted.isWildcardType()) {
                return response.type(MediaType.TEXT_PLAIN + ";charset=UTF-8").entity(reports.text(json));
            }
        }
        return response.type(MediaType.APPLICATION_JSON).entity(json);
    }

    private static void checkKey(String key) {
        if (key != null && (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127))) {
            throw ApiException.invalid("Idempotency-Key", "must be 1 to 200 visible ASCII characters (e.g. a UUID, or the SHA-256 of the BOM file)");
        }
    }

    @GET
    @Path("{id}")
    @Produces({MediaType.APPLICATION_JSON, DeterminationReports.JUNIT_XML, MediaType.TEXT_PLAIN, org.origincheck.determination.AuditFile.MEDIA_TYPE})
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(operationId = "getDetermination", summary = "One stored determination of the caller's tenant, exactly as it was returned when created",
            description = "Another tenant's determination is not found (404), exactly like a missing one. With Accept: application/pdf, "
                    + "a PDF for the audit file: the answer and standing conclusion, the rule with its text, every reason with its citation, the "
                    + "bill of materials as submitted (first 2,000 lines), the RVC, the review timeline, the certifications issued, and the "
                    + "rule pack's version and SHA-256; a material's fields are cut at 200 characters, any other text at 4,000.")
    @APIResponse(responseCode = "200", description = "The determination as it was returned when created",
            headers = @Header(name = STATUS_HEADER, description = "ORIGINATING, NOT_ORIGINATING or INSUFFICIENT_DATA", schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeterminationResponse.class)),
                    @Content(mediaType = DeterminationReports.JUNIT_XML, schema = @Schema(type = SchemaType.STRING, description = "A JUnit XML report (Accept: application/xml)")),
                    @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING, description = "A summary for logs (Accept: text/plain)")),
                    @Content(mediaType = org.origincheck.determination.AuditFile.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary",
                            description = "The audit file (Accept: application/pdf)"))})
    @APIResponse(responseCode = "404", description = "No determination with this id in the caller's tenant", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id, @Context HttpHeaders headers) {
        DeterminationRecord record = DeterminationRecord.findInTenant(ApiException.uuidOrNotFound(id, "determination"), caller.tenant());
        if (record == null) {
            throw ApiException.notFound("no determination " + id);
        }
        if (org.origincheck.api.AcceptedForm.prefers(headers, MediaType.valueOf(org.origincheck.determination.AuditFile.MEDIA_TYPE),
                MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf(DeterminationReports.JUNIT_XML), MediaType.TEXT_PLAIN_TYPE)) {
            return Response.ok(new org.origincheck.determination.AuditFile(record.id, caller.tenant()), org.origincheck.determination.AuditFile.MEDIA_TYPE)
                    .header(STATUS_HEADER, record.status)
                    .header("Content-Disposition", "attachment; filename=\"determination-" + record.id + ".pdf\"").build();
        }
        return represent(Response.ok(), record.response, headers).header(STATUS_HEADER, record.status).build();
    }

    @GET
    @Path("{id}/submission")
    @Produces({MediaType.APPLICATION_JSON, CsvBillOfMaterials.MEDIA_TYPE})
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(operationId = "getDeterminationSubmission", summary = "The submission exactly as it was received (JSON or CSV), with its media type",
            description = "For a CSV, the query string that described the good is in the header OriginCheck-Submission-Parameters. "
                    + "A CSV is the evidence of what was submitted and is returned byte for byte by default (form=as-received), as an "
                    + "attachment; form=spreadsheet-safe returns a copy for opening in a spreadsheet, every cell quoted and a cell that "
                    + "begins with =, +, -, @, a tab, CR or LF prefixed with an apostrophe, so that no formula runs (CSV injection). "
                    + "The workspace's download uses the spreadsheet-safe copy. A JSON submission is returned as received whatever the form.")
    @APIResponse(responseCode = "200", description = "The submission as received (or, for a CSV with form=spreadsheet-safe, its safe copy), in the media type it was sent in",
            headers = @Header(name = "OriginCheck-Submission-Parameters", description = "For a CSV: the query string that described the good",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BomSubmission.class)),
                    @Content(mediaType = CsvBillOfMaterials.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "form is neither as-received nor spreadsheet-safe", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No determination with this id in the caller's tenant", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Response submission(@PathParam("id") String id,
                               @QueryParam("form") @DefaultValue(AS_RECEIVED) @Pattern(regexp = AS_RECEIVED + "|" + SPREADSHEET_SAFE,
                                       message = "must be " + AS_RECEIVED + " or " + SPREADSHEET_SAFE) String form) {
        DeterminationRecord record = DeterminationRecord.findInTenant(ApiException.uuidOrNotFound(id, "such resource"), caller.tenant());
        if (record == null) {
            throw ApiException.notFound("no determination " + id);
        }
        boolean csv = CsvBillOfMaterials.MEDIA_TYPE.equals(record.submissionMediaType);
        String body = csv && SPREADSHEET_SAFE.equals(form) ? org.origincheck.api.CsvCells.spreadsheetSafe(record.submission) : record.submission;
        Response.ResponseBuilder response = Response.ok(body, record.submissionMediaType);
        if (csv) {
            response.header("Content-Disposition", "attachment; filename=\"submission-" + record.id
                    + (SPREADSHEET_SAFE.equals(form) ? "-spreadsheet-safe" : "") + ".csv\"");
        }
        if (record.submissionParameters != null) {
            response.header("OriginCheck-Submission-Parameters", record.submissionParameters);
        }
        return response.build();
    }

    /** The forms of GET .../submission: the evidence byte for byte, or a copy a spreadsheet opens without running formulas. */
    static final String AS_RECEIVED = "as-received";
    static final String SPREADSHEET_SAFE = "spreadsheet-safe";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(operationId = "listDeterminations", summary = "List the caller's tenant's determinations, newest first",
            description = "Filters combine with AND. from/to are UTC dates on createdAt, both inclusive.")
    public DeterminationSummary.Page list(
            @QueryParam("partNumber") String partNumber,
            @QueryParam("status") DeterminationStatus status,
            @QueryParam("hsCode") @Pattern(regexp = "\\d{2,10}", message = "must be the leading digits of an HS code, without dots") String hsCode,
            @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.invalid("to", "is before 'from'");
        }
        var found = queries.list(caller.tenant(), new DeterminationQueries.Filter(partNumber, status, hsCode, from, to), page, size);
        List<DeterminationSummary> items = found.items().stream().map(DeterminationSummary::of).toList();
        long total = found.total();
        return new DeterminationSummary.Page(items, page, size, total, (int) ((total + size - 1) / size));
    }
}
