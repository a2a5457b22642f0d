package org.sakkaya.program.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.sakkaya.platform.RecordVersions;
import org.sakkaya.program.entity.Program;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("programs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes and cohorts")
public class ProgramsResource {
    @Inject
    Programs programs;

    @POST
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "Create a programme (หลักสูตร) with its competencies")
    @APIResponse(responseCode = "201", description = "Created: the answer is the new record, Location its address")
    public Response create(@Valid @NotNull ProgramRequest request, @Context UriInfo uri) {
        ProgramView view = ProgramView.of(programs.create(request));
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.HR, Roles.PROGRAM_ADMIN, Roles.EXECUTIVE, Roles.ADMIN})
    @Operation(summary = "The programme catalogue")
    public Page<ProgramView> list(@Valid @BeanParam PageRequest page) {
        return programs.list(page).map(ProgramView::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.HR, Roles.PROGRAM_ADMIN, Roles.EXECUTIVE, Roles.ADMIN})
    @APIResponse(responseCode = "200", description = "The programme; ETag is its version (send it as If-Match with a PATCH)",
            content = @Content(schema = @Schema(implementation = ProgramView.class)))
    public Response get(@PathParam("id") String id) {
        Program program = programs.find(id);
        return RecordVersions.ok(ProgramView.of(program), program.version());
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "Change a programme; competencies, when given, replace the list")
    @APIResponse(responseCode = "200", description = "Changed; ETag is the new version",
            content = @Content(schema = @Schema(implementation = ProgramView.class)))
    @APIResponse(responseCode = "412", description = "If-Match names another version: someone saved it since it was read")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull ProgramPatch patch) {
        Program program = programs.update(id, patch, ifMatch);
        return RecordVersions.ok(ProgramView.of(program), program.version());
    }
}
