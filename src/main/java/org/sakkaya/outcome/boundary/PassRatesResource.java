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
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.outcome.control.PassRateXlsx;
import org.sakkaya.platform.export.Csv;
import org.sakkaya.platform.security.Roles;

/** The pass-rate report: JSON, or CSV with {@code Accept: text/csv}. The same rows as files: {@link PassRateFilesResource}. */
@RequestScoped
@Path("reports/pass-rates")
@Tag(name = "Academic outputs, indicators, reports")
public class PassRatesResource {
    @Inject
    Reports reports;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.EXECUTIVE, Roles.HR})
    @Operation(summary = "Pass rates of a Buddhist-era fiscal year by program, cohort or organization (the sending one): "
            + "evaluated, passed, passRatePercent; HR sees only the trainees its organisation subtree sent")
    @APIResponse(responseCode = "200", description = "JSON, or CSV with Accept: text/csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reports.PassRates.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Reports.PassRates passRates(@QueryParam("fiscalYear") Integer fiscalYear, @QueryParam("groupBy") String groupBy) {
        return reports.passRates(fiscalYear, groupBy);
    }

    @GET
    // JSON unless CSV is asked for: a client that accepts anything gets JSON
    @Produces(Csv.MEDIA_TYPE + ";qs=0.5")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.EXECUTIVE, Roles.HR})
    @Operation(summary = "The same rows as CSV for Excel (UTF-8 with a BOM, formula-like cells neutralised)")
    public Response csv(@QueryParam("fiscalYear") Integer fiscalYear, @QueryParam("groupBy") String groupBy) {
        return PassRateFilesResource.csv(reports, reports.passRates(fiscalYear, groupBy));
    }

    /** Used by both resources: the XLSX download. */
    static Response xlsx(Reports reports, Reports.PassRates report) {
        reports.recordDownload(report, "xlsx");
        StreamingOutput body = out -> PassRateXlsx.write("อัตราการผ่าน " + report.fiscalYear(), Reports.header(report.groupBy()),
                Reports.nameColumns(report.groupBy()), Reports.cells(report), out);
        return Response.ok(body, PassRateXlsx.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + PassRateFilesResource.name(report) + ".xlsx\"")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
