package org.sakkaya.learning.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.identity.boundary.Organizations;
import org.sakkaya.learning.boundary.ProgressViews.CohortProgressView;
import org.sakkaya.platform.export.Csv;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("cohorts/{id}/progress")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Learning")
public class CohortProgressResource {
    @Inject
    Progress progress;

    @Inject
    Organizations organizations;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER, Roles.HR})
    @Operation(summary = "Progress table: every seated trainee x course (HR: own staff); Accept: text/csv for CSV")
    @APIResponse(responseCode = "200", description = "JSON, or CSV for people with Accept: text/csv (every row, no paging)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CohortProgressView.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public CohortProgressView table(@PathParam("id") String id, @Valid @BeanParam PageRequest page) {
        return progress.cohort(id, page);
    }

    @GET
    @Produces(Csv.MEDIA_TYPE + ";qs=0.5")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER, Roles.HR})
    @Operation(summary = "The progress table as CSV for people: Thai headings (English in brackets), organisations by name "
            + "(UTF-8 with BOM, formula-safe)")
    public Response csv(@PathParam("id") String id) {
        CohortProgressView table = progress.cohort(id, new PageRequest(0, Integer.MAX_VALUE));
        Map<String, String> organizations = this.organizations.namesTh(table.items().stream()
                .map(r -> r.organizationId()).filter(java.util.Objects::nonNull).toList());
        List<String> header = new ArrayList<>(List.of("ชื่อ-นามสกุล (name)", "หน่วยงาน (organisation)",
                "ความก้าวหน้ารวม ร้อยละ (completion %)"));
        table.courses().forEach(c -> header.add(c.title() + " (ร้อยละ)"));
        List<List<?>> rows = table.items().stream().<List<?>>map(r -> {
            List<Object> row = new ArrayList<>(List.of(r.personName() == null ? "" : r.personName(),
                    organizations.getOrDefault(r.organizationId(), ""), r.completionPercent() == null ? "" : r.completionPercent()));
            r.courses().forEach(c -> row.add(c.completionPercent() == null ? "" : c.completionPercent()));
            return row;
        }).toList();
        return Csv.attachment("progress-" + id + ".csv", header, rows);
    }
}
