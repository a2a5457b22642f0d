package org.sakkaya.certificate.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.certificate.entity.Certificate;
import org.sakkaya.platform.export.Csv;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("cohorts/{id}/certificates.zip")
@Tag(name = "Certificates")
public class CertificatesZipResource {
    @Inject
    Certificates certificates;

    @GET
    @Produces("application/zip")
    @RolesAllowed({Roles.HR, Roles.PROGRAM_ADMIN})
    @Operation(summary = "The cohort's certificate PDFs (HR: its own staff's) and a manifest, streamed one PDF at a time")
    @APIResponse(responseCode = "200", description = "One PDF a certificate and manifest.csv", content = @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response zip(@PathParam("id") String id, @QueryParam("organizationId") @Size(max = 36) String organizationId) {
        List<String> serials = certificates.bulk(id, organizationId);
        certificates.recordBulkDownload(id, serials);
        StreamingOutput body = out -> {
            List<List<?>> manifest = new ArrayList<>();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (String serial : serials) {
                    Certificate c = certificates.load(serial);
                    // a PDF erased at its holder's request is not in the ZIP, nor is a revoked one (HR hands these out);
                    // the manifest still lists the serial with its status
                    String file = "";
                    Optional<byte[]> pdf = c.status() == Certificate.Status.VALID ? certificates.storedPdf(serial) : Optional.empty();
                    if (pdf.isPresent()) {
                        file = "certificate-" + c.serial() + ".pdf";
                        zip.putNextEntry(new ZipEntry(file));
                        zip.write(pdf.get());
                        zip.closeEntry();
                    }
                    manifest.add(List.of(c.serial(), c.holderName(), c.programNameTh(), c.cohortNumber(), c.issuedOn(), c.status(), c.sha256(), file));
                }
                zip.putNextEntry(new ZipEntry("manifest.csv"));
                zip.write(Csv.bytes(List.of("serial", "holder_name", "program", "cohort", "issued_on", "status", "sha256", "pdf"), manifest));
                zip.closeEntry();
            }
        };
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"certificates-" + id + ".zip\"")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
