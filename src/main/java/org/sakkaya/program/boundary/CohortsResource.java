package org.sakkaya.program.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.servlet.http.HttpServletRequest;
import org.sakkaya.platform.idempotency.IdempotencyFilter;
import java.util.Map;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.sakkaya.platform.RecordVersions;
import org.sakkaya.program.entity.Cohort;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.identity.boundary.PersonSummary;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.security.Roles;
import org.sakkaya.program.entity.Enrollment;
import org.sakkaya.program.entity.EnrollmentStatus;
import org.sakkaya.platform.problem.RecordId;

@RequestScoped
@Path("cohorts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes and cohorts")
public class CohortsResource {
    @Inject
    Cohorts cohorts;

    @Inject
    Enrollments enrollments;

    @Inject
    Nominations nominations;

    @Inject
    org.sakkaya.identity.boundary.InvitationLinks invitationLinks;

    public record EnrollmentRequest(@NotBlank @Size(max = 36) @RecordId String personId) {
    }

    @POST
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "Create a cohort (รุ่น) of a programme")
    @APIResponse(responseCode = "201", description = "Created: the answer is the new record, Location its address")
    public Response create(@Valid @NotNull CohortRequest request, @Context UriInfo uri) {
        CohortView view = CohortView.of(cohorts.create(request));
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.HR, Roles.PROGRAM_ADMIN, Roles.EXECUTIVE, Roles.ADMIN})
    @Operation(summary = "Cohorts, by programme and by Buddhist-era fiscal year (e.g. 2564 = 2020-10-01..2021-09-30)")
    public Page<CohortView> list(@QueryParam("programId") @Size(max = 36) String programId,
                                 @QueryParam("fiscalYear") Integer fiscalYear,
                                 @Valid @BeanParam PageRequest page) {
        return cohorts.list(programId, fiscalYear, page).map(CohortView::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.HR, Roles.PROGRAM_ADMIN, Roles.EXECUTIVE, Roles.ADMIN})
    @APIResponse(responseCode = "200", description = "The cohort; ETag is its version (send it as If-Match with a PATCH)",
            content = @Content(schema = @Schema(implementation = CohortView.class)))
    public Response get(@PathParam("id") String id) {
        Cohort cohort = cohorts.find(id);
        return RecordVersions.ok(CohortView.of(cohort), cohort.version());
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "Change a cohort; more capacity promotes waitlisted trainees in order")
    @APIResponse(responseCode = "200", description = "Changed; ETag is the new version",
            content = @Content(schema = @Schema(implementation = CohortView.class)))
    @APIResponse(responseCode = "412", description = "If-Match names another version: someone saved it since it was read")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull CohortPatch patch) {
        Cohort cohort = cohorts.update(id, patch, ifMatch);
        return RecordVersions.ok(CohortView.of(cohort), cohort.version());
    }

    @PUT
    @Path("{id}/trainers/{personId}")
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "Make a person with the TRAINER role a trainer of the cohort (idempotent)")
    public CohortView assignTrainer(@PathParam("id") String id, @PathParam("personId") String personId) {
        return CohortView.of(cohorts.assignTrainer(id, personId));
    }

    @DELETE
    @Path("{id}/trainers/{personId}")
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "Stop a trainer training the cohort (idempotent)")
    public CohortView removeTrainer(@PathParam("id") String id, @PathParam("personId") String personId) {
        return CohortView.of(cohorts.removeTrainer(id, personId));
    }

    @POST
    @Path("{id}/enrollments")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.HR, Roles.TRAINEE})
    @Operation(summary = "Enrol: PROGRAM_ADMIN seats or waitlists anyone, HR nominates its own staff, a trainee enrols themself while enrolment is open")
    @APIResponse(responseCode = "201", description = "Created: the answer is the new record, Location its address")
    public Response enrol(@PathParam("id") String id, @Valid @NotNull EnrollmentRequest request, @Context UriInfo uri) {
        Enrollment enrollment = enrollments.enrol(id, request.personId());
        EnrollmentView view = EnrollmentView.of(enrollment, enrollments.statusOf(enrollment), null);
        return Response.created(uri.getBaseUriBuilder().path("enrollments").path(view.id()).build()).entity(view).build();
    }

    @POST
    @Path("{id}/nominations")
    @Consumes({"text/csv"})
    @RolesAllowed(Roles.HR)
    @Operation(summary = "HR nominates a list of its staff from a spreadsheet saved as CSV (UTF-8): unknown addresses are"
            + " registered as trainees with an invitation; all rows or none",
            description = "A heading row, then one person a row. Columns by name, or any words with the name in brackets"
                    + " (อีเมล (email)): email (required), titleTh, firstNameTh, lastNameTh, titleEn, firstNameEn,"
                    + " lastNameEn, position, organizationCode (one of the caller's organisations; the caller's own when"
                    + " blank). At most 500 rows. Mistakes are answered by row and column (rows[5].email, the heading"
                    + " being row 1) and nothing is written. People already in the cohort are left as they are."
                    + " mailInvitations=true mails each person registered their invitation link once the file is committed.")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "Every row's outcome, in the file's order, and the counts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NominationsView.class)))
    public Response nominate(@PathParam("id") String id,
                             @QueryParam("mailInvitations") @DefaultValue("false") boolean mailInvitations,
                             @NotNull String csv, @Context HttpServletRequest http) {
        NominationsView view = NominationsView.of(id, nominations.nominate(id, csv, mailInvitations), invitationLinks::of, mailInvitations);
        Response.ResponseBuilder answer = Response.ok(view);
        if (view.carriesInvitations()) {
            // one-time invitation tokens: not cached, and not kept for an Idempotency-Key's retry, which is answered
            // 409 answer-not-kept (the same file sent again without the key answers them ALREADY_IN_COHORT)
            answer.header("Cache-Control", "no-store");
            IdempotencyFilter.doNotKeep(http);
        }
        return answer.build();
    }

    @GET
    @Path("{id}/enrollments")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER, Roles.HR})
    @Operation(summary = "The cohort's enrolments: all for PROGRAM_ADMIN and its trainers, HR's own staff for HR; "
            + "status=COMPLETED finds the seats of a cohort that has ended")
    public Page<EnrollmentView> enrollments(@PathParam("id") String id, @QueryParam("status") EnrollmentStatus status,
                                            @Valid @BeanParam PageRequest page) {
        Page<Enrollments.Shown> enrolled = enrollments.list(id, status, page);
        Map<String, PersonSummary> names = enrollments.names(enrolled.items().stream().map(Enrollments.Shown::enrollment).toList());
        return enrolled.map(e -> EnrollmentView.of(e, names.get(e.enrollment().personId())));
    }
}
