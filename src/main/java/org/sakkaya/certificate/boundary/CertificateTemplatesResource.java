package org.sakkaya.certificate.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.certificate.entity.Certificate;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("programs/{id}/certificate-templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Certificates")
public class CertificateTemplatesResource {
    @Inject
    CertificateTemplates templates;

    @GET
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "The programme's certificate templates (ACHIEVEMENT, PARTICIPATION); none stored means the built-in wording")
    public List<TemplateView> list(@PathParam("id") String programId) {
        return templates.list(programId).stream().map(TemplateView::of).toList();
    }

    @GET
    @Path("{kind}")
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "One template")
    public TemplateView get(@PathParam("id") String programId, @PathParam("kind") Certificate.Kind kind) {
        return TemplateView.of(templates.get(programId, kind));
    }

    @PUT
    @Path("{kind}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "Create or replace a template; it applies to certificates issued from now on, never to those issued")
    public TemplateView put(@PathParam("id") String programId, @PathParam("kind") Certificate.Kind kind,
                            @Valid @NotNull TemplateRequest request) {
        return TemplateView.of(templates.put(programId, kind, request));
    }

    @DELETE
    @Path("{kind}")
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "Remove a template: PARTICIPATION stops participation certificates; ACHIEVEMENT goes back to the built-in wording")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String programId, @PathParam("kind") Certificate.Kind kind) {
        templates.delete(programId, kind);
        return Response.noContent().build();
    }

    @GET
    @Path("{kind}/preview")
    @Produces("application/pdf")
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "A sample certificate of this kind with a made-up holder: unsigned, never stored")
    @APIResponse(responseCode = "200", description = "The sample", content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response preview(@PathParam("id") String programId, @PathParam("kind") Certificate.Kind kind) {
        return Response.ok(templates.preview(programId, kind), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"certificate-preview-" + kind.name().toLowerCase() + ".pdf\"")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
