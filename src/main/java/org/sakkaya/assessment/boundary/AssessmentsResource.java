package org.sakkaya.assessment.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sakkaya.platform.RecordVersions;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.EntityPart;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.sakkaya.assessment.entity.Grade;
import org.sakkaya.platform.CommonEra;
import org.sakkaya.identity.boundary.People;
import org.sakkaya.identity.boundary.PersonSummary;
import org.sakkaya.assessment.entity.Submission;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.platform.files.Parts;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("assessments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments")
public class AssessmentsResource {
    @Inject
    Assessments assessments;

    @Inject
    Attempts attempts;

    @Inject
    Assignments assignments;

    @Inject
    People people;

    public record WorkRequest(@Size(max = 200_000) String text, @Size(max = 2000) String url) {
    }

    public record ExtensionRequest(@NotNull @CommonEra OffsetDateTime dueAt) {
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER, Roles.TRAINEE})
    @Operation(summary = "An assessment; the cohort's staff also get its questions with their keys, trainees never")
    @APIResponse(responseCode = "200", description = "The assessment; ETag is its version (send it as If-Match with a PATCH or PUT)",
            content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    public Response get(@PathParam("id") String id) {
        Assessments.Shown shown = assessments.show(id);
        return RecordVersions.ok(AssessmentView.of(shown), shown.assessment().version());
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER})
    @Operation(summary = "Correct an assessment (its cohort's trainers or PROGRAM_ADMIN): title and weight at any time, "
            + "opensAt/closesAt while nobody has started an attempt (an assignment's with hand-ins too)")
    @APIResponse(responseCode = "200", description = "Changed; ETag is the new version",
            content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "412", description = "If-Match names another version: someone saved it since it was read")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull AssessmentPatch patch) {
        assessments.update(id, patch, ifMatch);
        Assessments.Shown shown = assessments.show(id);
        return RecordVersions.ok(AssessmentView.of(shown), shown.assessment().version());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER})
    @Operation(summary = "Give the whole assessment again, as for the create (questions, rubric, maxScore, attempt rules "
            + "and all), while nobody has started an attempt or handed in (409 assessment-in-use after); its id stays")
    @APIResponse(responseCode = "200", description = "Replaced; ETag is the new version",
            content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "412", description = "If-Match names another version: someone saved it since it was read")
    public Response replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull AssessmentRequest request) {
        Assessments.Shown shown = assessments.replace(id, request, ifMatch);
        return RecordVersions.ok(AssessmentView.of(shown), shown.assessment().version());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER})
    @Operation(summary = "Delete an assessment made by mistake, before anyone answered or handed in to it (409 after, or "
            + "while the cohort's pass policy requires it); its questions stay in the bank")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "412", description = "If-Match names another version: someone saved it since it was read")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        assessments.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/attempts")
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.PROGRAM_ADMIN})
    @Operation(summary = "Staff: every trainee's attempts at the quiz, by start. A trainee: their own, by number, with their scores")
    public Page<AttemptSummaryView> attempts(@PathParam("id") String id, @Valid @BeanParam PageRequest page) {
        return attempts.of(id, page).map(AttemptSummaryView::of);
    }

    @POST
    @Path("{id}/attempts")
    @RolesAllowed(Roles.TRAINEE)
    @Operation(summary = "Start an attempt (201), or get the one in progress (200): questions in this attempt's order, without keys")
    @APIResponse(responseCode = "201", description = "Created: the answer is the new record, Location its address")
    @APIResponse(responseCode = "200", description = "The attempt in progress, answered again; no attempt is used up")
    public Response start(@PathParam("id") String id, @Context UriInfo uri) {
        Attempts.Started started = attempts.start(id);
        AttemptView view = attempts.view(started.loaded());
        if (started.resumed()) {
            return Response.ok(view).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("attempts").path(started.loaded().attempt().id()).build())
                .entity(view).build();
    }

    @POST
    @Path("{id}/submissions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TRAINEE)
    @Operation(summary = "Hand in assignment work as text and/or a link (a published short video, say); each hand-in is a new revision")
    @APIResponse(responseCode = "201", description = "Created: the answer is the new record, Location its address")
    public Response submit(@PathParam("id") String id, @Valid @NotNull WorkRequest work, @Context UriInfo uri) {
        return created(assignments.submit(id, work.text(), work.url(), null, null), uri);
    }

    @POST
    @Path("{id}/submissions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.TRAINEE)
    @Operation(summary = "Hand in assignment work with a file (parts: file, text, url); type checked by content, size limited")
    @APIResponse(responseCode = "201", description = "Created: the answer is the new record, Location its address")
    public Response submitFile(@PathParam("id") String id, @FormParam("file") EntityPart file, @FormParam("text") EntityPart text,
                               @FormParam("url") EntityPart url, @Context UriInfo uri) {
        // a form's file input left empty is no file, as in a field report: the hand-in is its text or link alone
        EntityPart upload = Parts.isEmptyFileInput(file) ? null : file;
        return created(assignments.submit(id, Parts.text(text, "text"), Parts.text(url, "url"), upload == null ? null : upload.getContent(),
                upload == null ? null : upload.getFileName().orElse("file")), uri);
    }

    @GET
    @Path("{id}/submissions")
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.PROGRAM_ADMIN})
    @Operation(summary = "Staff: every trainee's newest revision with its grade. A trainee: their own revisions and released grades")
    public Page<SubmissionView> submissions(@PathParam("id") String id, @Valid @BeanParam PageRequest page) {
        Page<Submission> work = assignments.of(id, page);
        List<String> personIds = work.items().stream().map(Submission::personId).distinct().toList();
        Map<String, PersonSummary> names = people.summaries(personIds);
        Map<String, Grade> grades = assignments.gradesShown(id, work.items());
        return work.map(s -> {
            PersonSummary name = names.get(s.personId());
            return SubmissionView.of(s, name == null ? null : name.fullNameTh(), grades.get(s.personId()), null);
        });
    }

    @PUT
    @Path("{id}/extensions/{personId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRAINER, Roles.PROGRAM_ADMIN})
    @Operation(summary = "Give one trainee a later due time: an assignment's, or the last moment to take a quiz (not once they may have seen its keys)")
    public ExtensionRequest extend(@PathParam("id") String id, @PathParam("personId") String personId,
                                   @Valid @NotNull ExtensionRequest request) {
        assignments.extend(id, personId, request.dueAt().toInstant());
        return request;
    }

    private Response created(Submission submission, UriInfo uri) {
        return Response.created(uri.getBaseUriBuilder().path("submissions").path(submission.id()).build())
                .entity(SubmissionView.of(submission, null, null, null)).build();
    }
}
