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
 * The review of one determination (its state, the officers' actions, the timeline) and the certifications issued
 * from it. The API contract puts these paths under /api/v1/determinations/{id}; the code lives in review/, beside
 * the services it calls, so the determination path does not depend on review.
 */
@Path("/api/v1/determinations")
@SecurityRequirement(name = "bearer")
@Tag(name = "Determinations", description = "Evaluate a bill of materials and keep the result as evidence")
public class DeterminationReviewResource {

    private final ReviewService reviews;
    private final CertificationService certifications;
    private final Caller caller;

    public DeterminationReviewResource(ReviewService reviews, CertificationService certifications, Caller caller) {
        this.reviews = reviews;
        this.certifications = certifications;
        this.caller = caller;
    }

    @GET
    @Path("{id}/review")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(operationId = "getReview", summary = "The review state of a determination, the conclusion that stands, and its full timeline")
    public ReviewService.ReviewView review(@PathParam("id") String id) {
        return reviews.view(ReviewResource.uuid(id), caller.tenant());
    }

    @POST
    @Path("{id}/review-actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(operationId = "actOnReview", summary = "Approve, reject, override (with the officer's conclusion and a justification) or comment",
            description = "APPROVE and REJECT only from PENDING_REVIEW (409 otherwise); REJECT needs a justification (10+ characters); OVERRIDE needs "
                    + "overrideStatus, overrideCriterion for ORIGINATING, and a justification (20+ characters); COMMENT needs its text. The engine's "
                    + "determination is never altered: every action is an appended event.")
    @io.quarkus.resteasy.reactive.jackson.CustomDeserialization(org.origincheck.api.JacksonConfig.StrictReader.class)
    public ReviewService.ReviewView act(@PathParam("id") String id, @jakarta.validation.Valid ReviewService.ActionRequest request) {
        if (request == null) {
            throw ApiException.invalid("$", "send {\"action\": \"APPROVE|REJECT|OVERRIDE|COMMENT\", \"justification\": \"...\"}");
        }
        return reviews.act(ReviewResource.uuid(id), caller.tenant(), caller.subject(), request);
    }

    @GET
    @Path("{id}/review/timeline.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.REVIEWER, Roles.AUDITOR})
    @Operation(operationId = "getReviewTimelineCsv", summary = "The review timeline as CSV, for an auditor")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "The timeline, one line per event (RFC 4180; spreadsheet-formula safe)",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "text/csv", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    public Response timeline(@PathParam("id") String id) {
        return Response.ok(reviews.timelineCsv(ReviewResource.uuid(id), caller.tenant()), "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"timeline-" + id + ".csv\"").build();
    }

    @POST
    @Path("{id}/certifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(operationId = "issueCertification", summary = "Issue a certification of origin (USMCA Annex 5-A) from an approved originating determination",
            description = "409 when the determination is not approved (or overridden to ORIGINATING) or not originating; 400 for a missing data "
                    + "element or a blanket period over 12 months. Every element is required: certifier role, and the certifier's name, title, "
                    + "address, telephone and e-mail (2); the exporter (name and address at least) or exporterStatement SAME_AS_CERTIFIER (3); "
                    + "the producer or producerStatement VARIOUS, AVAILABLE_UPON_REQUEST or SAME_AS_CERTIFIER (4); the importer or importerStatement "
                    + "UNKNOWN (5); description (default: the submission's) and 6-digit HS (6) and criterion (7) come from the determination; "
                    + "blanket period optional, at most 12 months (8); signatory (9). 409 (duplicate-certification) when an active certification of "
                    + "the same determination by the same certifier role covers the same single shipment or an overlapping period: revoke it, "
                    + "or send replaces (its id) and replacementReason to issue this one in its place. The certification is kept as issued.")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201", description = "Issued",
            headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Location", description = "The certification's URL (GET /api/v1/certifications/{id})", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "uri")),
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON, schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = CertificationService.IssuedCertification.class)))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "400", description = "A data element missing or invalid, each field named", content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = org.origincheck.api.Problem.MEDIA_TYPE,
            schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = org.origincheck.api.Problem.class)))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "409", description = "Not approved, not originating, or a duplicate of an active certification", content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = org.origincheck.api.Problem.MEDIA_TYPE,
            schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = org.origincheck.api.Problem.class)))
    @io.quarkus.resteasy.reactive.jackson.CustomDeserialization(org.origincheck.api.JacksonConfig.StrictReader.class)
    public Response certify(@PathParam("id") String id, @jakarta.validation.Valid CertificationService.Request request, @Context UriInfo uri) {
        if (request == null) {
            throw ApiException.invalid("$", "send the certifier, exporter, producer, importer and signatory");
        }
        CertificationService.IssuedCertification issued = certifications.issue(ReviewResource.uuid(id), caller.tenant(), caller.subject(), request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/certifications").path(issued.certification().id()).build()).entity(issued).build();
    }

    @GET
    @Path("{id}/certifications")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(operationId = "listCertificationsOfDetermination", summary = "The certifications of origin issued from this determination, oldest first, each with its status",
            description = "status is computed: ACTIVE, REVOKED or REPLACED (revocation: when, by whom, why, replacedBy). An empty list when none.")
    public java.util.List<CertificationService.IssuedCertification> certificationsOf(@PathParam("id") String id) {
        UUID determination = ReviewResource.uuid(id);
        reviews.view(determination, caller.tenant()); // 404 for another tenant's or a missing determination
        return certifications.list(determination, caller.tenant());
    }
}
