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
    @Operation(summary = "The review state of a determination, the conclusion that stands, and its full timeline")
    public ReviewService.ReviewView review(@PathParam("id") String id) {
        return reviews.view(ReviewResource.uuid(id), caller.tenant());
    }

    @POST
    @Path("{id}/review-actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Approve, reject, override (with the officer's conclusion and a justification) or comment",
            description = "APPROVE and REJECT only from PENDING_REVIEW (409 otherwise); REJECT needs a justification (10+ characters); OVERRIDE needs "
                    + "overrideStatus, overrideCriterion for ORIGINATING, and a justification (20+ characters); COMMENT needs its text. The engine's "
                    + "determination is never altered: every action is an appended event.")
    public ReviewService.ReviewView act(@PathParam("id") String id, ReviewService.ActionRequest request) {
        if (request == null) {
            throw ApiException.invalid("$", "send {\"action\": \"APPROVE|REJECT|OVERRIDE|COMMENT\", \"justification\": \"...\"}");
        }
        return reviews.act(ReviewResource.uuid(id), caller.tenant(), caller.subject(), request);
    }

    @GET
    @Path("{id}/review/timeline.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.REVIEWER, Roles.AUDITOR})
    @Operation(summary = "The review timeline as CSV, for an auditor")
    public Response timeline(@PathParam("id") String id) {
        return Response.ok(reviews.timelineCsv(ReviewResource.uuid(id), caller.tenant()), "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"timeline-" + id + ".csv\"").build();
    }

    @POST
    @Path("{id}/certifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Issue a certification of origin (USMCA Annex 5-A) from an approved originating determination",
            description = "409 when the determination is not approved (or overridden to ORIGINATING) or not originating; 400 for a missing data "
                    + "element or a blanket period over 12 months. The certification is kept as issued.")
    public Response certify(@PathParam("id") String id, CertificationService.Request request, @Context UriInfo uri) {
        if (request == null) {
            throw ApiException.invalid("$", "send the certifier, exporter, producer, importer and signatory");
        }
        CertificationService.Certification issued = certifications.issue(ReviewResource.uuid(id), caller.tenant(), caller.subject(), request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/certifications").path(issued.id()).build()).entity(issued).build();
    }
}
