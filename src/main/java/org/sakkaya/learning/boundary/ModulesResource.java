package org.sakkaya.learning.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.HR, Roles.PROGRAM_ADMIN, Roles.EXECUTIVE, Roles.ADMIN})
    @Operation(summary = "A module with its lessons; a trainee only for courses of their cohorts")
    public CourseView.ModuleView get(@PathParam("id") String id) {
        return courses.module(id);
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER})
    @Operation(summary = "Rename a module or move it to another place in its course")
    public CourseView.ModuleView change(@PathParam("id") String id, @Valid @NotNull ModulePatch patch) {
        return courses.changeModule(id, patch);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER})
    @Operation(summary = "Delete an empty module (409 module-not-empty while it has lessons)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        courses.deleteModule(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/lessons")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER})
    @Operation(summary = "Add a lesson at the end of the module; TEXT content is sanitised to an HTML allowlist")
    @APIResponse(responseCode = "201", description = "Created: the answer is the new record, Location its address")
    public Response addLesson(@PathParam("id") String id, @Valid @NotNull LessonRequest request, @Context UriInfo uri) {
        Lesson lesson = courses.addLesson(id, request);
        return Response.created(uri.getBaseUriBuilder().path("lessons").path(lesson.id()).build())
                .entity(CourseView.LessonView.of(lesson)).build();
    }
}
