package org.origincheck.supplier.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.origincheck.api.ApiException;
import org.origincheck.domain.supplier.SupplierDeclaration;
import org.origincheck.redetermination.RedeterminationService;
import org.origincheck.security.Caller;
import org.origincheck.security.Roles;
import org.origincheck.supplier.SupplierDeclarationService;

/**
 * Supplier declarations: the evidence a material's {@code supplierId} points to. Who may do what: submitters and
 * reviewers record declarations (JSON or CSV; the purchasing or compliance staff who receive them); only a reviewer
 * (a compliance officer) records a revocation, because it makes stored determinations be looked at again; submitters,
 * reviewers and auditors read. Admins, as for determinations, do not see the tenant's evidence. All within the tenant.
 */
@Path("/api/v1/supplier-declarations")
@SecurityRequirement(name = "bearer")
@Tag(name = "Supplier declarations", description = "Suppliers' declarations of origin for the parts they supply, for a period of at most 12 months; "
        + "stored as received, revoked by an event, never edited")
public class SupplierDeclarationResource {

    private final SupplierDeclarationService declarations;
    private final RedeterminationService redeterminations;
    private final Caller caller;

    public SupplierDeclarationResource(SupplierDeclarationService declarations, RedeterminationService redeterminations, Caller caller) {
        this.declarations = declarations;
        this.redeterminations = redeterminations;
        this.caller = caller;
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SupplierDeclarationPage")
    public record Page(List<SupplierDeclarationView> items, int page, int size, long total) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SupplierDeclarationsRecorded", description = "The declarations a CSV upload recorded")
    public record Created(List<SupplierDeclarationView> declarations) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SupplierDeclarationRevocationRequest")
    public record RevocationRequest(String reason) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SupplierDeclarationRevoked")
    public record Revoked(SupplierDeclarationView declaration,
                          @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Stored determinations that took a material's "
                                  + "origin from this declaration, oldest first") List<String> determinations,
                          @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The re-determination job started for them "
                                  + "(each on its own asOf): follow GET /api/v1/redeterminations/{id} and its /changes. Null when none used it.")
                          RedeterminationService.Job redetermination) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SupplierDeclarationGaps", description = "A page of the gaps on asOf: "
            + "supplier x part pairs in the order of supplier id, then part number")
    public record Gaps(LocalDate asOf, List<SupplierDeclarationService.Gap> items, int page, int size,
                       @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "How many supplier x part pairs are gaps in all") long total) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER})
    @Operation(operationId = "recordSupplierDeclarations", summary = "Record a supplier's declaration (JSON), or several from a CSV: 201",
            description = "JSON: one declaration, answered with it and its Location; the status is computed, never submitted. text/csv: one line "
                    + "per part, columns supplierId, supplierName, supplierCountry, partNumber, hsCode, origin, originCriterion, "
                    + "nonOriginatingValue, currency, validFrom, validTo, certifierName, certifierTitle, certifierEmail, issuedAt; lines with "
                    + "the same supplier, period, certifier and issue date form one declaration. All or nothing: 201 with the declarations "
                    + "recorded ({declarations: [...]}), or 400 naming each wrong line and column.")
    // JSON and CSV are two Java methods but one OpenAPI operation (one per path and method): documented here, JSON first.
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = true, content = {
            @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON, schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = SupplierDeclarationInput.class)),
            @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = SupplierDeclarationMapper.CSV_MEDIA_TYPE, schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201", description = "Recorded: the declaration (JSON body, with Location), or the declarations a CSV upload recorded",
            headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Location", description = "For a JSON body: the declaration's URL", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "uri")),
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON, schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(oneOf = {SupplierDeclarationView.class, Created.class})))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "400", description = "Invalid declaration, each field (or CSV line and column) named", content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = org.origincheck.api.Problem.MEDIA_TYPE,
            schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = org.origincheck.api.Problem.class)))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "503", description = "A body over 64 KiB found no room among the large bodies being read"
            + " (origincheck.limits.large-body-bytes-at-once) within the wait: not read, nothing stored; send it again after Retry-After seconds",
            headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Retry-After", description = "Seconds to wait", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER)),
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = org.origincheck.api.Problem.MEDIA_TYPE))
    public Response create(SupplierDeclarationInput input, @Context UriInfo uri) {
        LocalDate today = declarations.today();
        SupplierDeclaration stored = declarations.record(caller.tenant(), caller.subject(), List.of(SupplierDeclarationMapper.toDomain(input, today))).get(0);
        return Response.created(uri.getAbsolutePathBuilder().path(stored.id()).build()).entity(SupplierDeclarationView.of(stored, today)).build();
    }

    @POST
    @Consumes(SupplierDeclarationMapper.CSV_MEDIA_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER})
    @Operation(hidden = true, // documented with recordSupplierDeclarations above: the same path and method are one OpenAPI operation
            summary = "Record declarations from a CSV: one line per part, columns supplierId, supplierName, supplierCountry, partNumber, hsCode, "
            + "origin, originCriterion, nonOriginatingValue, currency, validFrom, validTo, certifierName, certifierTitle, certifierEmail, issuedAt; "
            + "lines with the same supplier, period, certifier and issue date form one declaration. All or nothing: 201 with the declarations "
            + "stored, or 400 naming each wrong line and column.")
    public Response upload(String csv) {
        LocalDate today = declarations.today();
        List<SupplierDeclaration> stored = declarations.record(caller.tenant(), caller.subject(), SupplierDeclarationMapper.fromCsv(csv, today));
        return Response.status(201).entity(new Created(stored.stream().map(d -> SupplierDeclarationView.of(d, today)).toList())).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(operationId = "listSupplierDeclarations", summary = "Declarations, newest recorded first; filters combine with AND. validOn: not revoked and the date within the period. "
            + "status: as computed today (UTC).")
    public Page list(@QueryParam("supplierId") String supplierId, @QueryParam("partNumber") String partNumber, @QueryParam("validOn") LocalDate validOn,
                     @QueryParam("status") SupplierDeclaration.Status status,
                     @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        LocalDate today = declarations.today();
        SupplierDeclarationService.Page found = declarations.list(caller.tenant(),
                new SupplierDeclarationService.Filter(blank(supplierId), blank(partNumber), validOn, status), page, size);
        return new Page(found.items().stream().map(d -> SupplierDeclarationView.of(d, today)).toList(), found.page(), found.size(), found.total());
    }

    @GET
    @Path("gaps")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(operationId = "findSupplierDeclarationGaps", summary = "Supplier x part pairs named by stored determinations (materials[].supplierId) with no declaration valid on asOf "
            + "(default today, UTC), with the determinations affected: a page (JSON), or every one as text/csv (supplierId,partNumber,determinations) to send to suppliers",
            description = "JSON is a page, as every list of the API: page from 0 (default 0), size 1 to 200 (default 50), and total (the number of "
                    + "supplier x part pairs that are gaps). The order (supplier id, then part number) is stable, so pages never overlap; each "
                    + "pair's determinations are listed oldest first, all of them. supplierId keeps one supplier's pairs. A page or size out of "
                    + "range is a 400 problem naming it. Accept: text/csv gives every gap, one line each (the determinations separated by "
                    + "spaces), streamed as it is read, 500 pairs at a time (page and size are ignored).")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "A page of the gaps on asOf (JSON), or every gap as CSV (Accept: text/csv)",
            content = {@org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON, schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = Gaps.class)),
                    @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "text/csv", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    public Response gaps(@QueryParam("asOf") LocalDate asOf, @QueryParam("supplierId") String supplierId,
                         @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                         @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size,
                         @Context HttpHeaders headers, @Context io.vertx.core.http.HttpServerResponse response) {
        LocalDate date = asOf == null ? declarations.today() : asOf;
        String tenant = caller.tenant();
        String supplier = blank(supplierId);
        boolean csv = org.origincheck.api.AcceptedForm.prefers(headers, MediaType.valueOf("text/csv"), MediaType.APPLICATION_JSON_TYPE);
        if (!csv) {
            SupplierDeclarationService.GapPage found = declarations.gaps(tenant, date, supplier, page, size);
            return Response.ok(new Gaps(date, found.items(), found.page(), found.size(), found.total()), MediaType.APPLICATION_JSON).build();
        }
        jakarta.ws.rs.core.StreamingOutput lines = output -> {
            java.io.Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(org.origincheck.api.StreamedAnswer.of(output, response),
                    java.nio.charset.StandardCharsets.UTF_8));
            out.write("supplierId,partNumber,determinations\r\n");
            declarations.eachGap(tenant, date, supplier, GAPS_CSV_CHUNK, chunk -> {
                try {
                    for (SupplierDeclarationService.Gap gap : chunk) {
                        out.write(csvCell(gap.supplierId()) + ',' + csvCell(gap.partNumber()) + ',' + String.join(" ", gap.determinations()) + "\r\n");
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            out.flush();
        };
        return Response.ok(lines, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"declaration-gaps-" + date + ".csv\"").build();
    }

    /** Supplier x part pairs the gaps CSV reads in one short transaction. */
    private static final int GAPS_CSV_CHUNK = 500;

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(operationId = "getSupplierDeclaration", summary = "One declaration as stored, with its status today and its revocation if any (404 if unknown or another tenant's)")
    public SupplierDeclarationView get(@PathParam("id") String id) {
        return SupplierDeclarationView.of(declarations.find(ApiException.uuidOrNotFound(id, "supplier declaration"), caller.tenant()), declarations.today());
    }

    @POST
    @Path("{id}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(operationId = "revokeSupplierDeclaration", summary = "Revoke a declaration, with a reason (required): from then on it is evidence for no date. Answers the declaration, "
            + "the stored determinations that used it, and the re-determination job started for them (its /changes lists the status changes); "
            + "409 if already revoked.")
    public Revoked revoke(@PathParam("id") String id, RevocationRequest request) {
        UUID declarationId = ApiException.uuidOrNotFound(id, "supplier declaration");
        String tenant = caller.tenant();
        declarations.find(declarationId, tenant); // 404 before a complaint about the body
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw ApiException.invalid("reason", "is required: why the declaration is revoked");
        }
        if (request.reason().length() > 2000) {
            throw ApiException.invalid("reason", "at most 2000 characters");
        }
        SupplierDeclaration revoked = declarations.revoke(declarationId, tenant, caller.subject(), request.reason().strip());
        List<String> used = declarations.determinationsUsing(declarationId, tenant);
        // The determinations that relied on it are evaluated again, each on its own asOf, by the re-determination job:
        // without the declaration their material is UNKNOWN, and the job lists those whose status changes.
        RedeterminationService.Job job = used.isEmpty() ? null
                : redeterminations.createFor(tenant, caller.subject(), used.stream().map(UUID::fromString).toList());
        return new Revoked(SupplierDeclarationView.of(revoked, declarations.today()), used, job);
    }

    private static String csvCell(String value) {
        // The regular expression used here before missed a leading tab or carriage return, and any cell with a line break.
        return org.origincheck.api.CsvCells.cell(value);
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
