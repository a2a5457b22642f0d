package org.sakkaya.learning.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
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
@Path("cohorts/{id}/courses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Learning")
public class CohortCoursesResource {
    @Inject
    Courses courses;

    @PUT
    @Path("{courseId}")
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "The cohort studies this course (idempotent)")
    public List<CourseView> attach(@PathParam("id") String id, @PathParam("courseId") String courseId) {
        courses.attachToCohort(id, courseId);
        return courses.summaries(courses.ofCohort(id));
    }

    @DELETE
    @Path("{courseId}")
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "The cohort no longer studies this course (progress already made is kept)")
    public List<CourseView> detach(@PathParam("id") String id, @PathParam("courseId") String courseId) {
        courses.detachFromCohort(id, courseId);
        return courses.summaries(courses.ofCohort(id));
    }
}
