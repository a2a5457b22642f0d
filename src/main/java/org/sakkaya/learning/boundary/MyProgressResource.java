package org.sakkaya.learning.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("me/progress")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Learning")
public class MyProgressResource {
    @Inject
    Progress progress;

    @GET
    @RolesAllowed(Roles.TRAINEE)
    @Operation(summary = "The caller's progress in every course of a cohort they are enrolled in")
    public ProgressViews.MyProgressView mine(@QueryParam("cohortId") @NotBlank @Size(max = 36) String cohortId) {
        return progress.mine(cohortId);
    }
}
