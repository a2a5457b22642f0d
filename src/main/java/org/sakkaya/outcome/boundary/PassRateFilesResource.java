package org.sakkaya.outcome.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.outcome.control.PassRateXlsx;
import org.sakkaya.platform.export.Csv;
import org.sakkaya.platform.security.Roles;

/** The pass-rate report as a file to save: {@code /reports/pass-rates.xlsx}, {@code .pdf} or {@code .csv}. */
@RequestScoped
@Path("reports/pass-rates.{format: xlsx|pdf|csv}")
@Tag(name = "Academic outputs, indicators, reports")
public class PassRateFilesResource {
    @Inject
    Reports reports;

    @GET
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.EXECUTIVE, Roles.HR})
    @Operation(summary = "The pass-rate rows as XLSX, CSV, or a PDF report in Thai (Buddhist-era dates) that charts each "
            + "indicator of the year, actual against target per activity (for PROGRAM_ADMIN and EXECUTIVE)")
    @APIResponse(responseCode = "200", description = "The file of the format in the path: csv, xlsx or pdf", content = {
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = PassRateXlsx.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response file(@PathParam("format") String format, @QueryParam("fiscalYear") Integer fiscalYear,
                         @QueryParam("groupBy") String groupBy) {
        Reports.PassRates report = reports.passRates(fiscalYear, groupBy);
        return switch (format) {
            case "xlsx" -> PassRatesResource.xlsx(reports, report);
            case "csv" -> csv(reports, report);
            default -> pdf(report);
        };
    }

    private Response pdf(Reports.PassRates report) {
        byte[] pdf = reports.pdf(report);
        reports.recordDownload(report, "pdf");
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + name(report) + ".pdf\"")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    static Response csv(Reports reports, Reports.PassRates report) {
        reports.recordDownload(report, "csv");
        List<List<?>> rows = List.copyOf(Reports.cells(report));
        return Csv.attachment(name(report) + ".csv", Reports.header(report.groupBy()), rows);
    }

    static String name(Reports.PassRates report) {
        return "pass-rates-" + report.fiscalYear() + "-" + report.groupBy();
    }
}
