package org.sakkaya.learning.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.learning.entity.Lesson;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("modules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Learning")
public class ModulesResource {
    @Inject
    Courses courses;

    @POST
    @Path("{id}/lessons")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER})
    @Operation(summary = "Add a lesson at the end of the module; TEXT content is sanitised to an HTML allowlist")
    public Response addLesson(@PathParam("id") String id, @Valid @NotNull LessonRequest request) {
        Lesson lesson = courses.addLesson(id, request);
        return Response.status(Response.Status.CREATED).entity(CourseView.LessonView.of(lesson)).build();
    }
}
