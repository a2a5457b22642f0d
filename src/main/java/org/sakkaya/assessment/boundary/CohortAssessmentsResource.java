package org.sakkaya.assessment.boundary;

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
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.assessment.entity.Assessment;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("cohorts/{id}/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments")
public class CohortAssessmentsResource {
    @Inject
    Assessments assessments;

    @POST
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER})
    @Operation(summary = "Create a quiz, pre-test or post-test of the cohort; its questions join the programme's bank")
    @APIResponse(responseCode = "201", description = "Created: the answer is the new record, Location its address")
    public Response create(@PathParam("id") String id, @Valid @NotNull AssessmentRequest request, @Context UriInfo uri) {
        AssessmentView view = AssessmentView.of(assessments.create(id, request));
        return Response.created(uri.getBaseUriBuilder().path("assessments").path(view.id()).build()).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER, Roles.TRAINEE})
    @Operation(summary = "The cohort's assessments (never their keys); a trainee's own extensions as extensionDueAt")
    public Page<AssessmentView> list(@PathParam("id") String id, @Valid @BeanParam PageRequest page) {
        Page<Assessment> shown = assessments.ofCohort(id, page);
        Map<String, Instant> mine = assessments.callersExtensions(shown.items());
        return shown.map(a -> AssessmentView.of(a, mine.get(a.id())));
    }
}
