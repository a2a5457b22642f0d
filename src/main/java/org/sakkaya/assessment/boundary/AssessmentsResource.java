package org.sakkaya.assessment.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.assessment.entity.Attempt;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("assessments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments")
public class AssessmentsResource {
    @Inject
    Assessments assessments;

    @Inject
    Attempts attempts;

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER, Roles.TRAINEE})
    public AssessmentView get(@PathParam("id") String id) {
        return AssessmentView.of(assessments.get(id));
    }

    @POST
    @Path("{id}/attempts")
    @RolesAllowed(Roles.TRAINEE)
    @Operation(summary = "Start an attempt (or get the one in progress): questions in this attempt's order, without keys")
    public Response start(@PathParam("id") String id, @Context UriInfo uri) {
        Attempt attempt = attempts.start(id);
        return Response.created(uri.getBaseUriBuilder().path("attempts").path(attempt.id()).build())
                .entity(attempts.view(attempt)).build();
    }
}
