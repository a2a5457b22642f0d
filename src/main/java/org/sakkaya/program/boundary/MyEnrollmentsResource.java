package org.sakkaya.program.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
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
    @Operation(summary = "The caller's own enrolments, newest first; a seat in a cohort that has ended is COMPLETED")
    public Page<EnrollmentView> mine(@Valid @BeanParam PageRequest page) {
        return enrollments.mine(page).map(e -> EnrollmentView.of(e, null));
    }
}
