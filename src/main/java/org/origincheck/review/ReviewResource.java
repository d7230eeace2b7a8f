package org.origincheck.review;

import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.origincheck.api.ApiException;
import org.origincheck.domain.review.ReviewState;
import org.origincheck.security.Caller;
import org.origincheck.security.Roles;

/**
 * The review queue and issued certifications. The review of one determination is in
 * {@link DeterminationReviewResource}.
 */
@Path("/api/v1")
@SecurityRequirement(name = "bearer")
@Tag(name = "Review", description = "Officers' review of determinations, the audit trail, and certifications of origin")
public class ReviewResource {

    private final ReviewService reviews;
    private final CertificationService certifications;
    private final Caller caller;

    public ReviewResource(ReviewService reviews, CertificationService certifications, Caller caller) {
        this.reviews = reviews;
        this.certifications = certifications;
        this.caller = caller;
    }

    @GET
    @Path("review-queue")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Roles.REVIEWER, Roles.AUDITOR})
    @Operation(operationId = "getReviewQueue", summary = "Determinations by review state, newest activity first unless sorted; filters combine with AND",
            description = "sort: lastActivity (default), createdAt, partNumber, reference, hsCode, status, reviewState or rulePackVersion; "
                    + "direction: desc (default) or asc; ties are broken by the determination id, so pages never overlap. With Accept: text/csv "
                    + "the whole filtered queue in that order is exported (RFC 4180; page and size are ignored; at most 10,000 rows, and a "
                    + "last line says when the export was cut).")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "One page of the queue (JSON), or the whole filtered queue (Accept: text/csv)",
            content = {@org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON, schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = ReviewService.QueuePage.class)),
                    @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "text/csv", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    public Response queue(@QueryParam("state") ReviewState state, @QueryParam("partNumber") String partNumber,
                          @QueryParam("hsCode") @Pattern(regexp = "\\d{2,10}", message = "must be the leading digits of an HS code, without dots") String hsCode,
                          @QueryParam("status") org.origincheck.domain.evaluation.DeterminationStatus status,
                          @QueryParam("rulePackVersion") String rulePackVersion, @QueryParam("from") LocalDate from,
                          @QueryParam("to") LocalDate to, @QueryParam("q") String q,
                          @QueryParam("sort") @DefaultValue("lastActivity") String sortColumn,
                          @QueryParam("direction") @DefaultValue("desc") @Pattern(regexp = "asc|desc", message = "must be asc or desc") String direction,
                          @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                          @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size,
                          @Context HttpHeaders headers) {
        ReviewService.QueueFilter filter = new ReviewService.QueueFilter(state == null ? null : state.name(), blank(partNumber), hsCode,
                status == null ? null : status.name(), blank(rulePackVersion), from, to, blank(q));
        boolean descending = !"asc".equals(direction);
        ReviewService.QueueSort sort = java.util.Arrays.stream(ReviewService.QueueSort.values()).filter(c -> c.name().equals(sortColumn)).findFirst()
                .orElseThrow(() -> ApiException.invalid("sort", "must be one of " + java.util.Arrays.toString(ReviewService.QueueSort.values())));
        boolean csv = org.origincheck.api.AcceptedForm.prefers(headers, MediaType.valueOf("text/csv"), MediaType.APPLICATION_JSON_TYPE);
        if (csv) {
            return Response.ok(reviews.queueCsv(caller.tenant(), filter, sort, descending), "text/csv;charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"review-queue.csv\"").build();
        }
        return Response.ok(reviews.queue(caller.tenant(), filter, sort, descending, page, size), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("certifications/{id}")
    @Produces({MediaType.APPLICATION_JSON, "application/pdf"})
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(operationId = "getCertification", summary = "A certification as issued: JSON, or a printable PDF with Accept: application/pdf",
            description = "status is computed: ACTIVE, REVOKED or REPLACED; revocation says when, by whom and why (and replacedBy). "
                    + "The PDF of a certification that has ended says so at the top.")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "The certification as issued, with its status",
            content = {@org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON, schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = CertificationService.IssuedCertification.class)),
                    @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/pdf", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"))})
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "404", description = "No certification with this id in the caller's tenant", content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = org.origincheck.api.Problem.MEDIA_TYPE,
            schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = org.origincheck.api.Problem.class)))
    public Response certification(@PathParam("id") String id, @Context HttpHeaders headers) {
        CertificationService.IssuedCertification c = certifications.find(uuid(id), caller.tenant());
        boolean pdf = org.origincheck.api.AcceptedForm.prefers(headers, MediaType.valueOf("application/pdf"), MediaType.APPLICATION_JSON_TYPE);
        if (pdf) {
            return Response.ok(certifications.pdf(c), "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"certification-" + id + ".pdf\"").build();
        }
        return Response.ok(c, MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("certifications/{id}/revocation")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(operationId = "revokeCertification", summary = "Revoke an active certification of origin, with a reason",
            description = "The certification stays as issued; its revocation (when, by whom, why) is a record of its own and cannot be undone. "
                    + "400 without a reason; 409 if it was already revoked or replaced. To correct a certification, issue a new one with "
                    + "replaces and replacementReason (POST /api/v1/determinations/{id}/certifications): the old one ends as REPLACED.")
    @io.quarkus.resteasy.reactive.jackson.CustomDeserialization(org.origincheck.api.JacksonConfig.StrictReader.class)
    public CertificationService.IssuedCertification revoke(@PathParam("id") String id, @jakarta.validation.Valid CertificationService.RevocationRequest request) {
        return certifications.revoke(uuid(id), caller.tenant(), caller.subject(), request);
    }

    public static UUID uuid(String id) {
        return ApiException.uuidOrNotFound(id, "such resource");
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
