package org.sakkaya.learning.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.platform.files.Downloads;
import org.sakkaya.platform.files.FileStore;
import org.sakkaya.platform.problem.InvalidInput;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("lessons")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Learning")
public class LessonsResource {
    @Inject
    Progress progress;

    @Inject
    Courses courses;

    @Inject
    FileStore files;

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.HR, Roles.PROGRAM_ADMIN, Roles.EXECUTIVE, Roles.ADMIN})
    @Operation(summary = "A lesson; a trainee only for courses of their cohorts")
    public CourseView.LessonView get(@PathParam("id") String id) {
        return courses.lessonView(id);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER})
    @Operation(summary = "Change a lesson's title, content, address or minutes (not its kind); trainees' progress stays")
    public CourseView.LessonView revise(@PathParam("id") String id, @Valid @NotNull LessonPatch patch) {
        return CourseView.LessonView.of(courses.reviseLesson(id, patch));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER})
    @Operation(summary = "Delete a lesson with its file and trainees' progress in it; course totals and completion follow")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        courses.deleteLesson(id);
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/progress")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TRAINEE)
    @Operation(summary = "Record progress on a lesson (idempotent): completed, and the total seconds spent so far")
    public ProgressViews.RecordedProgressView record(@PathParam("id") String id, @Valid @NotNull ProgressRequest request) {
        return progress.record(id, request);
    }

    @POST
    @Path("{id}/file")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER})
    @Operation(summary = "Upload the file of a FILE lesson (multipart part 'file'); type checked by content, size limited")
    public CourseView.LessonView upload(@PathParam("id") String id, @FormParam("file") EntityPart file) {
        if (file == null) {
            throw new InvalidInput("file", "is required (a multipart part named 'file')");
        }
        return CourseView.LessonView.of(courses.attachFile(id, file.getContent(), file.getFileName().orElse("file")));
    }

    @GET
    @Path("{id}/file")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.HR, Roles.PROGRAM_ADMIN, Roles.EXECUTIVE, Roles.ADMIN})
    @Operation(summary = "Download the lesson's file, as an attachment")
    @APIResponse(responseCode = "200", description = "The file as uploaded, of the type it was stored as", content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response download(@PathParam("id") String id) {
        return Downloads.attachment(courses.fileOf(id), files);
    }
}
