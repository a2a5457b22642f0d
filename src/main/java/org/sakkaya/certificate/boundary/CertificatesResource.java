package org.sakkaya.certificate.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("certificates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Certificates")
public class CertificatesResource {
    @Inject
    Certificates certificates;

    public record Revocation(@NotBlank @Size(max = 1000) String reason) {
    }

    // every role: a holder may hold any role (a trainer who took a course); the facade narrows the list to the
    // caller's own certificates, HR's staff's and, for PROGRAM_ADMIN, all
    @GET
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.HR, Roles.PROGRAM_ADMIN, Roles.EXECUTIVE, Roles.ADMIN})
    @Operation(summary = "Certificates, a page at a time: all for PROGRAM_ADMIN, HR's own staff's, and the caller's own")
    public Page<CertificateView> list(@QueryParam("cohortId") @Size(max = 36) String cohortId,
                                      @QueryParam("organizationId") @Size(max = 36) String organizationId,
                                      @Valid @BeanParam PageRequest page) {
        return certificates.list(cohortId, organizationId, page).map(CertificateView::of);
    }

    @GET
    @Path("{serial}/pdf")
    @Produces("application/pdf")
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.HR, Roles.PROGRAM_ADMIN, Roles.EXECUTIVE, Roles.ADMIN})
    @Operation(summary = "The PDF exactly as issued while the certificate is valid; once revoked, a copy stamped REVOKED "
            + "(ถูกเพิกถอน) on every page with the date and any replacement's serial. The holder, their HR, PROGRAM_ADMIN (audited)")
    @APIResponse(responseCode = "200", description = "The certificate", content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response pdf(@PathParam("serial") String serial) {
        Certificates.Pdf pdf = certificates.download(serial);
        String file = "certificate-" + pdf.serial() + (pdf.revoked() ? "-revoked" : "") + ".pdf";
        return Response.ok(pdf.bytes(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    @POST
    @Path("{serial}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "Revoke with a reason; the verification page then says REVOKED")
    public CertificateView revoke(@PathParam("serial") String serial, @Valid @NotNull Revocation revocation) {
        return CertificateView.of(certificates.revoke(serial, revocation.reason()));
    }

    @POST
    @Path("{serial}/reissue")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "Replace a certificate (a misspelt name, corrected on the person first): the old one is revoked with "
            + "the reason and leads to a new serial, printed with the name as it is now and dated as the old one")
    @APIResponse(responseCode = "201", description = "Created: the answer is the new record, Location its address")
    public Response reissue(@PathParam("serial") String serial, @Valid @NotNull Revocation revocation, @Context UriInfo uri) {
        CertificateView view = CertificateView.of(certificates.reissue(serial, revocation.reason()));
        return Response.created(uri.getBaseUriBuilder().path("certificates").path(view.serial()).path("pdf").build())
                .entity(view).build();
    }
}
