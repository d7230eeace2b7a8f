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
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.AUDITOR})
    @Operation(summary = "Determinations by review state, newest activity first; filters combine with AND")
    public ReviewService.QueuePage queue(@QueryParam("state") ReviewState state, @QueryParam("partNumber") String partNumber,
                                         @QueryParam("hsCode") @Pattern(regexp = "\\d{2,10}", message = "must be the leading digits of an HS code, without dots") String hsCode,
                                         @QueryParam("status") org.origincheck.domain.evaluation.DeterminationStatus status,
                                         @QueryParam("rulePackVersion") String rulePackVersion, @QueryParam("from") LocalDate from,
                                         @QueryParam("to") LocalDate to, @QueryParam("q") String q,
                                         @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                                         @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return reviews.queue(caller.tenant(), new ReviewService.QueueFilter(state == null ? null : state.name(), blank(partNumber), hsCode,
                status == null ? null : status.name(), blank(rulePackVersion), from, to, blank(q)), page, size);
    }

    @GET
    @Path("certifications/{id}")
    @Produces({MediaType.APPLICATION_JSON, "application/pdf"})
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(summary = "A certification as issued: JSON, or a printable PDF with Accept: application/pdf")
    public Response certification(@PathParam("id") String id, @Context HttpHeaders headers) {
        CertificationService.Certification c = certifications.find(uuid(id), caller.tenant());
        boolean pdf = headers.getAcceptableMediaTypes().stream().anyMatch(m -> m.toString().startsWith("application/pdf"));
        if (pdf) {
            return Response.ok(certifications.pdf(c), "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"certification-" + id + ".pdf\"").build();
        }
        return Response.ok(c, MediaType.APPLICATION_JSON).build();
    }

    public static UUID uuid(String id) {
        return ApiException.uuidOrNotFound(id, "such resource");
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
