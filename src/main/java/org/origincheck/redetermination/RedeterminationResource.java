package org.origincheck.redetermination;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.origincheck.review.ReviewResource;
import org.origincheck.security.Caller;
import org.origincheck.security.Roles;

@Path("/api/v1/redeterminations")
@SecurityRequirement(name = "bearer")
@Tag(name = "Re-determination", description = "Re-evaluate stored determinations against the rules in force, and list what changes")
@Produces(MediaType.APPLICATION_JSON)
public class RedeterminationResource {

    private final RedeterminationService service;
    private final Caller caller;

    public RedeterminationResource(RedeterminationService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    @Operation(operationId = "startRedetermination", summary = "Start re-evaluating every stored determination of the tenant",
            description = "Against the rule pack in force; each determination on its own asOf, or all on ?asOf= (e.g. the day a threshold rises). "
                    + "Answers 202 with the new job; follow it with GET. While an identical job of the tenant (same asOf, same rule pack) is "
                    + "still running, answers 200 with that job and its Location instead of starting another. Jobs of all tenants share two "
                    + "workers per replica, served chunk by chunk (100 determinations) round-robin across tenants, so a small job is not held "
                    + "behind another tenant's large ones. The original determinations are never changed.")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "202", description = "Started: the new job, and its Location",
            headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Location", description = "The job's URL (GET /api/v1/redeterminations/{id})", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "uri")),
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON, schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = RedeterminationService.Job.class)))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "An identical job of the tenant is still running: that job, and its Location",
            headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Location", description = "The running job's URL", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "uri")),
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON, schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = RedeterminationService.Job.class)))
    public Response start(@QueryParam("asOf") LocalDate asOf, @Context UriInfo uri) {
        RedeterminationService.Started started = service.create(caller.tenant(), caller.subject(), asOf);
        RedeterminationService.Job job = started.job();
        return (started.created() ? Response.accepted(job) : Response.ok(job)).location(uri.getAbsolutePathBuilder().path(job.id()).build()).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(operationId = "getRedetermination", summary = "Progress of a re-determination: total, done, changed, failed")
    public RedeterminationService.Job progress(@PathParam("id") String id) {
        return service.job(ReviewResource.uuid(id), caller.tenant());
    }

    @GET
    @Path("{id}/changes")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(operationId = "listRedeterminationChanges", summary = "The determinations whose outcome changes, with the old and new status, a page at a time",
            description = "Ordered by part number, then determination id, so pages never overlap. page: from 0 (default 0); size: 1 to 200 "
                    + "(default 50), as every list of the API; total: how many changes the job has found so far (a running job's pages can "
                    + "still grow). A page or size out of range is a 400 problem naming it.")
    public RedeterminationService.ChangesPage changes(@PathParam("id") String id,
                                                      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                                                      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return service.changes(ReviewResource.uuid(id), caller.tenant(), page, size);
    }
}
