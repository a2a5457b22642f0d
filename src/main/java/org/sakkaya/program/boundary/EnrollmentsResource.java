package org.sakkaya.program.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.platform.security.Roles;
import org.sakkaya.program.entity.Enrollment;

@RequestScoped
@Path("enrollments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes and cohorts")
public class EnrollmentsResource {
    @Inject
    Enrollments enrollments;

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.HR, Roles.PROGRAM_ADMIN})
    @Operation(summary = "One enrolment: the trainee, PROGRAM_ADMIN, the cohort's trainers, HR of the sending organisation")
    public EnrollmentView get(@PathParam("id") String id) {
        return view(enrollments.get(id));
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "Approve a nomination: a seat if one is free, else the waitlist")
    public EnrollmentView approve(@PathParam("id") String id) {
        return view(enrollments.approve(id));
    }

    @POST
    @Path("{id}/withdraw")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINEE, Roles.HR})
    @Operation(summary = "Withdraw; a freed seat goes to the first in the waitlist")
    public EnrollmentView withdraw(@PathParam("id") String id) {
        return view(enrollments.withdraw(id));
    }

    private EnrollmentView view(Enrollment enrollment) {
        return EnrollmentView.of(enrollment, enrollments.statusOf(enrollment),
                enrollments.names(List.of(enrollment)).get(enrollment.personId()));
    }
}
