package org.sakkaya.workshop.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.platform.security.Roles;
import org.sakkaya.workshop.control.AttendanceCsv;
import org.sakkaya.platform.Bangkok;

/** The cohort's attendance table, as JSON or (with {@code Accept: text/csv}) as a spreadsheet file. */
@RequestScoped
@Path("cohorts/{id}/attendance")
@Tag(name = "Workshops")
public class CohortAttendanceResource {
    static final String CSV = "text/csv";

    @Inject
    Attendance attendance;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRAINER, Roles.PROGRAM_ADMIN, Roles.HR})
    @Operation(summary = "Every seated trainee by session, with the attendance percentage; HR sees its own staff")
    @APIResponse(responseCode = "200", description = "JSON, or CSV for people with Accept: text/csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CohortAttendanceView.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public CohortAttendanceView table(@PathParam("id") String cohortId) {
        return CohortAttendanceView.of(attendance.table(cohortId));
    }

    @GET
    // a lower quality than JSON: a client that accepts anything gets JSON
    @Produces(CSV + ";qs=0.5")
    @RolesAllowed({Roles.TRAINER, Roles.PROGRAM_ADMIN, Roles.HR})
    @Operation(summary = "The same table as CSV (UTF-8 with BOM, Thai headings), for spreadsheets")
    public Response csv(@PathParam("id") String cohortId) {
        Attendance.Table table = attendance.table(cohortId);
        byte[] file = AttendanceCsv.write(
                table.sessions().stream()
                        .map(s -> new AttendanceCsv.Column(s.number(), LocalDate.ofInstant(s.startsAt(), Bangkok.ZONE)))
                        .toList(),
                table.rows().stream()
                        .map(r -> new AttendanceCsv.Row(r.person() == null ? "" : r.person().fullNameTh(), r.statuses(),
                                r.rate().percent().orElse(null)))
                        .toList());
        return Response.ok(file, CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"attendance-" + cohortId + ".csv\"")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
