package org.sakkaya.assessment.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.assessment.entity.Submission;
import org.sakkaya.platform.files.Downloads;
import org.sakkaya.platform.files.FileStore;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("submissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments")
public class SubmissionsResource {
    @Inject
    Assignments assignments;

    @Inject
    FileStore files;

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.PROGRAM_ADMIN})
    @Operation(summary = "A submission: its trainee sees the released grade; staff see the whole grading history")
    public SubmissionView get(@PathParam("id") String id) {
        Submission submission = assignments.get(id);
        boolean staff = assignments.staffView(submission);
        return SubmissionView.of(submission, null,
                assignments.current(submission.assessmentId(), submission.personId(), !staff).orElse(null),
                staff ? assignments.history(submission.assessmentId(), submission.personId()) : null);
    }

    @PUT
    @Path("{id}/grade")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRAINER, Roles.PROGRAM_ADMIN})
    @Operation(summary = "Grade the newest revision by rubric or score; a regrade needs a reason and keeps the history; "
            + "the current grade sent again by its grader is answered as it is and writes nothing")
    public SubmissionView grade(@PathParam("id") String id, @Valid @NotNull GradeRequest request) {
        Assignments.Graded graded = assignments.grade(id, request);
        return SubmissionView.of(graded.submission(), null, graded.grade(), graded.history());
    }

    @GET
    @Path("{id}/file")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.PROGRAM_ADMIN})
    @APIResponse(responseCode = "200", description = "The file as uploaded, of the type it was stored as", content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response file(@PathParam("id") String id) {
        return Downloads.attachment(assignments.fileOf(id), files);
    }
}
