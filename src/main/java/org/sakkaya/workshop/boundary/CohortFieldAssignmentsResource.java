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

@RequestScoped
@Path("cohorts/{id}/field-assignments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Workshops")
public class CohortFieldAssignmentsResource {
    @Inject
    FieldAssignments assignments;

    @POST
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "Set field work (ฝึกปฏิบัติภาคสนาม) for the cohort, due on a date or at a time, optionally after a session")
    @APIResponse(responseCode = "201", description = "Created: the answer is the new record, Location its address")
    public Response create(@PathParam("id") String cohortId, @Valid @NotNull FieldAssignmentRequest request,
                           @Context UriInfo uri) {
        FieldAssignmentView view = FieldAssignmentView.of(assignments.create(cohortId, request));
        return Response.created(uri.getBaseUriBuilder().path("field-assignments").path(view.id()).build())
                .entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER, Roles.TRAINEE, Roles.HR})
    @Operation(summary = "The cohort's field assignments by due time, a page at a time")
    public Page<FieldAssignmentView> list(@PathParam("id") String cohortId, @Valid @BeanParam PageRequest page) {
        return assignments.list(cohortId, page).map(FieldAssignmentView::of);
    }
}
