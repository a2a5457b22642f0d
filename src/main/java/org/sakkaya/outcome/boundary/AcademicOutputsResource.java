package org.sakkaya.outcome.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.outcome.entity.AcademicOutput;
import org.sakkaya.platform.files.Downloads;
import org.sakkaya.platform.files.FileStore;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("academic-outputs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Academic outputs, indicators, reports")
public class AcademicOutputsResource {
    @Inject
    AcademicOutputs outputs;

    @Inject
    FileStore files;

    @POST
    @RolesAllowed({Roles.TRAINEE, Roles.PROGRAM_ADMIN})
    @Operation(summary = "Record an academic output (ผลงานวิชาการ): its authors (trainees of the cohort) or PROGRAM_ADMIN")
    @APIResponse(responseCode = "201", description = "Created: the answer is the new record, Location its address")
    public Response create(@Valid @NotNull OutputRequest request, @Context UriInfo uri) {
        OutputView view = view(outputs.create(request));
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.HR, Roles.PROGRAM_ADMIN, Roles.EXECUTIVE})
    @Operation(summary = "Works by Buddhist-era fiscal year (of the day presented, else published), programme or cohort: "
            + "PROGRAM_ADMIN and EXECUTIVE all, HR its own staff's, trainers their cohorts', trainees their own")
    public Page<OutputView> list(@QueryParam("fiscalYear") Integer fiscalYear,
                                 @QueryParam("programId") @Size(max = 36) String programId,
                                 @QueryParam("cohortId") @Size(max = 36) String cohortId,
                                 @Valid @BeanParam PageRequest page) {
        Page<AcademicOutput> found = outputs.list(fiscalYear, programId, cohortId, page);
        var names = outputs.names(found.items());
        return found.map(w -> OutputView.of(w, names));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.HR, Roles.PROGRAM_ADMIN, Roles.EXECUTIVE})
    public OutputView get(@PathParam("id") String id) {
        return view(outputs.find(id));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed({Roles.TRAINEE, Roles.PROGRAM_ADMIN})
    @Operation(summary = "Change a work (its authors or PROGRAM_ADMIN); a new date or new evidence needs a new confirmation")
    public OutputView revise(@PathParam("id") String id, @Valid @NotNull OutputPatch patch) {
        return view(outputs.revise(id, patch));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.TRAINEE, Roles.PROGRAM_ADMIN})
    @Operation(summary = "Delete a work recorded by mistake, with its evidence file: its authors while the evidence is not "
            + "confirmed, PROGRAM_ADMIN always; one counted in a closed indicator stays (409)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        outputs.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/evidence-confirmation")
    @RolesAllowed({Roles.TRAINER, Roles.PROGRAM_ADMIN})
    @Operation(summary = "Confirm a presented or published work's evidence (a trainer of its cohort or PROGRAM_ADMIN): the work counts from now on")
    public OutputView confirm(@PathParam("id") String id) {
        return view(outputs.confirmEvidence(id));
    }

    @POST
    @Path("{id}/evidence-file")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.TRAINEE, Roles.PROGRAM_ADMIN})
    @Operation(summary = "Attach an evidence file (part 'file'; type checked by content, size limited); replaces the one before")
    public OutputView attach(@PathParam("id") String id, @FormParam("file") EntityPart file) {
        return view(outputs.attachEvidence(id, file == null ? null : file.getContent(),
                file == null ? null : file.getFileName().orElse("evidence")));
    }

    @GET
    @Path("{id}/evidence-file")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.HR, Roles.PROGRAM_ADMIN, Roles.EXECUTIVE})
    @Operation(summary = "Download a work's evidence file, as an attachment")
    @APIResponse(responseCode = "200", description = "The file as uploaded, of the type it was stored as", content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response evidenceFile(@PathParam("id") String id) {
        return Downloads.attachment(outputs.evidenceFile(id), files);
    }

    private OutputView view(AcademicOutput output) {
        return OutputView.of(output, outputs.names(List.of(output)));
    }
}
