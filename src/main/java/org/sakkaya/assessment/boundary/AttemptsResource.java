package org.sakkaya.assessment.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("attempts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments")
public class AttemptsResource {
    @Inject
    Attempts attempts;

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.PROGRAM_ADMIN})
    @Operation(summary = "An attempt: its trainee, or the cohort's trainers and PROGRAM_ADMIN")
    public AttemptView get(@PathParam("id") String id) {
        return attempts.view(attempts.get(id));
    }

    @PUT
    @Path("{id}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TRAINEE)
    @Operation(summary = "Autosave answers, any number of times before the deadline")
    public AttemptView save(@PathParam("id") String id, @Valid @NotNull @Size(max = 500) List<@Valid @NotNull AnswerRequest> answers) {
        return attempts.view(attempts.save(id, answers));
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed(Roles.TRAINEE)
    @Operation(summary = "Submit and grade (idempotent: a second submit answers the same result)")
    public AttemptView submit(@PathParam("id") String id) {
        return attempts.view(attempts.submit(id));
    }
}
