package org.sakkaya.certificate.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("cohorts/{id}/certificates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Certificates")
public class CohortCertificatesResource {
    @Inject
    Certificates certificates;

    @POST
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "Issue a certificate to every trainee who passed and has none (idempotent)")
    public Certificates.Issued issue(@PathParam("id") String id) {
        return certificates.issueAll(id);
    }
}
