package org.sakkaya.program.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("me/enrollments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes and cohorts")
public class MyEnrollmentsResource {
    @Inject
    Enrollments enrollments;

    @GET
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.HR, Roles.PROGRAM_ADMIN, Roles.EXECUTIVE, Roles.ADMIN})
    @Operation(summary = "The caller's own enrolments, newest first")
    public List<EnrollmentView> mine() {
        return enrollments.mine().stream().map(e -> EnrollmentView.of(e, null)).toList();
    }
}
