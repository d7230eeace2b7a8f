package org.origincheck.redetermination;

import jakarta.annotation.security.RolesAllowed;
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
    @Operation(summary = "Start re-evaluating every stored determination of the tenant",
            description = "Against the rule pack in force; each determination on its own asOf, or all on ?asOf= (e.g. the day a threshold rises). "
                    + "Answers 202 with the new job; follow it with GET. While an identical job of the tenant (same asOf, same rule pack) is "
                    + "still running, answers 200 with that job and its Location instead of starting another. Jobs of all tenants share two "
                    + "workers per replica, served chunk by chunk (100 determinations) round-robin across tenants, so a small job is not held "
                    + "behind another tenant's large ones. The original determinations are never changed.")
    public Response start(@QueryParam("asOf") LocalDate asOf, @Context UriInfo uri) {
        RedeterminationService.Started started = service.create(caller.tenant(), caller.subject(), asOf);
        RedeterminationService.Job job = started.job();
        return (started.created() ? Response.accepted(job) : Response.ok(job)).location(uri.getAbsolutePathBuilder().path(job.id()).build()).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(summary = "Progress of a re-determination: total, done, changed, failed")
    public RedeterminationService.Job progress(@PathParam("id") String id) {
        return service.job(ReviewResource.uuid(id), caller.tenant());
    }

    @GET
    @Path("{id}/changes")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(summary = "The determinations whose outcome changes, with the old and new status")
    public List<RedeterminationService.Change> changes(@PathParam("id") String id) {
        return service.changes(ReviewResource.uuid(id), caller.tenant());
    }
}
