package org.sakkaya.assessment.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.identity.boundary.Organizations;
import org.sakkaya.platform.export.Csv;
import org.sakkaya.platform.security.Roles;
import org.sakkaya.program.entity.EnrollmentStatus;

@RequestScoped
@Path("cohorts/{id}/gradebook")
@Tag(name = "Assessments")
public class GradebookResource {
    @Inject
    Gradebook gradebook;

    @Inject
    Organizations organizations;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER})
    @Operation(summary = "Every evaluated trainee x assessment (percent), final score, attendance and pass decision, with the pass rate")
    @APIResponse(responseCode = "200", description = "JSON, or CSV for people with Accept: text/csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Gradebook.Book.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Gradebook.Book book(@PathParam("id") String id) {
        return gradebook.of(id);
    }

    @GET
    @Produces(Csv.MEDIA_TYPE + ";qs=0.5")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER})
    @Operation(summary = "The gradebook as CSV for people: Thai headings (English in brackets), organisations by name, "
            + "statuses and decisions in Thai (UTF-8 with BOM, formula-safe)")
    public Response csv(@PathParam("id") String id) {
        Gradebook.Book book = gradebook.of(id);
        Map<String, String> organizations = this.organizations.namesTh(book.rows().stream().map(Gradebook.Row::organizationId)
                .filter(java.util.Objects::nonNull).toList());
        List<String> header = new ArrayList<>(List.of("ชื่อ-นามสกุล (name)", "หน่วยงาน (organisation)", "สถานะ (status)"));
        book.assessments().forEach(a -> header.add(a.title() + " (ร้อยละ)"));
        header.addAll(List.of("คะแนนรวม ร้อยละ (final %)", "การเข้าร่วม ร้อยละ (attendance %)", "ผลการประเมิน (result)",
                "เหตุผล (reasons)"));
        List<List<?>> rows = book.rows().stream().<List<?>>map(r -> {
            List<Object> cells = new ArrayList<>(List.of(r.personName() == null ? "" : r.personName(),
                    organizations.getOrDefault(r.organizationId(), ""), EnrollmentStatus.valueOf(r.status()).th()));
            r.scorePercents().forEach(p -> cells.add(p == null ? "" : p));
            cells.add(r.scorePercent() == null ? "" : r.scorePercent());
            cells.add(r.attendancePercent() == null ? "" : r.attendancePercent());
            cells.add(r.passed() ? "ผ่าน" : "ไม่ผ่าน");
            cells.add(r.reasons().stream().map(reason -> reason.th()).collect(Collectors.joining("; ")));
            return cells;
        }).toList();
        return Csv.attachment("gradebook-" + id + ".csv", header, rows);
    }
}
