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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.origincheck.api.ApiException;
import org.origincheck.api.Problem;
import org.origincheck.determination.DeterminationRecord;
import org.origincheck.determination.DeterminationService;
import org.origincheck.domain.evaluation.DeterminationStatus;

@Path("/api/v1/determinations")
@Tag(name = "Determinations", description = "Evaluate a bill of materials and keep the result as evidence")
public class DeterminationResource {

    private final DeterminationService service;

    public DeterminationResource(DeterminationService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate a BOM and store the determination",
            description = "Answers 201 with the determination and its Location. The submission is stored exactly as received, "
                    + "the response exactly as returned; neither can be changed or deleted afterwards.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BomSubmission.class),
            examples = {@ExampleObject(name = "steam boiler", value = OpenApiExamples.BOILER),
                    @ExampleObject(name = "passenger vehicle with core parts, steel and aluminum, and LVC", value = OpenApiExamples.PASSENGER_VEHICLE)}))
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeterminationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid submission, each field named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad HS code", value = OpenApiExamples.PROBLEM)))
    @APIResponse(responseCode = "413", description = "Body too large", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "No rule pack in force on asOf", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(String body, @Context UriInfo uri) {
        DeterminationService.Stored stored = service.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(stored.id().toString()).build())
                .type(MediaType.APPLICATION_JSON).entity(stored.json()).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One stored determination, exactly as it was returned when created")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeterminationResponse.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response get(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("no determination " + id);
        }
        DeterminationRecord record = DeterminationRecord.findById(uuid);
        if (record == null) {
            throw ApiException.notFound("no determination " + id);
        }
        return Response.ok(record.response, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List determinations, newest first",
            description = "Filters combine with AND. from/to are UTC dates on createdAt, both inclusive.")
    public DeterminationSummary.Page list(
            @QueryParam("partNumber") String partNumber,
            @QueryParam("status") DeterminationStatus status,
            @QueryParam("hsCode") @Pattern(regexp = "\\d{2,10}", message = "must be the leading digits of an HS code, without dots") String hsCode,
            @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (partNumber != null && !partNumber.isBlank()) {
            where.add("partNumber = :partNumber");
            params.and("partNumber", partNumber);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status.name());
        }
        if (hsCode != null) {
            where.add("hsCode like :hs");
            params.and("hs", hsCode + "%");
        }
        if (from != null) {
            where.add("createdAt >= :from");
            params.and("from", from.atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (to != null) {
            where.add("createdAt < :to");
            params.and("to", to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.invalid("to", "is before 'from'");
        }
        String query = String.join(" and ", where);
        Sort sort = Sort.descending("createdAt", "id");
        var found = where.isEmpty() ? DeterminationRecord.<DeterminationRecord>findAll(sort)
                : DeterminationRecord.<DeterminationRecord>find(query, sort, params);
        found.page(Page.of(page, size));
        List<DeterminationSummary> items = found.list().stream().map(DeterminationSummary::of).toList();
        long total = found.count();
        return new DeterminationSummary.Page(items, page, size, total, (int) ((total + size - 1) / size));
    }
}
