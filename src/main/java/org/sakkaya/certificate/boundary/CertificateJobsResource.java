package org.sakkaya.certificate.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("certificate-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Certificates")
public class CertificateJobsResource {
    @Inject
    CertificateJobs jobs;

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "Progress of a background issuing job: RUNNING, DONE or FAILED, with done/total and issued")
    public CertificateJobView get(@PathParam("id") String id) {
        return CertificateJobView.of(jobs.find(id));
    }
}
