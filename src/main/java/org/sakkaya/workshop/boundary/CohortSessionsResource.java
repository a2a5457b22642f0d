package org.sakkaya.workshop.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.security.Roles;

/** A cohort's sessions. Its own class: JAX-RS picks it over {@code cohorts} for this longer path. */
@RequestScoped
@Path("cohorts/{id}/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Workshops")
public class CohortSessionsResource {
    @Inject
    Sessions sessions;

    @POST
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "Schedule a workshop session (ครั้งที่ N) of the cohort; number is unique in the cohort")
    @APIResponse(responseCode = "201", description = "Created: the answer is the new record, Location its address")
    public Response create(@PathParam("id") String cohortId, @Valid @NotNull SessionRequest request, @Context UriInfo uri) {
        SessionView view = SessionView.of(sessions.create(cohortId, request));
        return Response.created(uri.getBaseUriBuilder().path("sessions").path(view.id()).build()).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER, Roles.TRAINEE, Roles.HR})
    @Operation(summary = "The cohort's sessions by number, a page at a time: PROGRAM_ADMIN, its trainers, its seated trainees, HR")
    public Page<SessionView> list(@PathParam("id") String cohortId, @Valid @BeanParam PageRequest page) {
        return sessions.list(cohortId, page).map(SessionView::of);
    }
}
