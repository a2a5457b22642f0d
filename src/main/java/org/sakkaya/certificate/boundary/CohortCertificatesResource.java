package org.sakkaya.certificate.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("cohorts/{id}/certificates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Certificates")
public class CohortCertificatesResource {
    @Inject
    Certificates certificates;

    @jakarta.ws.rs.core.Context
    UriInfo uri;

    @GET
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "The cohort's certificates at a glance: valid ones, those still to issue, and valid ones whose "
            + "holder no longer meets their conditions (a grade or attendance corrected after issuing), to revoke or keep")
    public Certificates.Standing standing(@PathParam("id") String id) {
        return certificates.standing(id);
    }

    @POST
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "Issue to every trainee who passed (and participation certificates where the programme has that "
            + "template); idempotent. A large cohort answers 202 with a job to poll at its Location. Refused (422) before the "
            + "cohort's last day is over (cohort-not-ended), while a counted assessment is still open (assessments-open) and "
            + "while a seated trainee's hand-in to one waits to be graded or its grade released (assessments-ungraded)")
    @APIResponse(responseCode = "200", description = "issued within the request",
            content = @Content(schema = @Schema(implementation = Certificates.Issued.class)))
    @APIResponse(responseCode = "202", description = "issuing runs in the background",
            content = @Content(schema = @Schema(implementation = CertificateJobView.class)))
    public Response issue(@PathParam("id") String id) {
        Certificates.Started started = certificates.issueAll(id);
        if (started.job() == null) {
            return Response.ok(started.issued()).build();
        }
        return Response.accepted(CertificateJobView.of(started.job()))
                .location(uri.getBaseUriBuilder().path("certificate-jobs").path(started.job().id()).build())
                .build();
    }
}
