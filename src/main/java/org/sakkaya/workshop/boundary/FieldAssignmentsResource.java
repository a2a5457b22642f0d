package org.sakkaya.workshop.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("field-assignments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Workshops")
public class FieldAssignmentsResource {
    @Inject
    FieldAssignments assignments;

    @Inject
    FieldReports reports;

    /** Links are http(s) URLs. */
    public record ReportRequest(@Size(max = FieldReports.MAX_TEXT) String text,
                                @Size(max = FieldReports.MAX_LINKS) List<String> links) {
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER, Roles.TRAINEE, Roles.HR})
    public FieldAssignmentView get(@PathParam("id") String id) {
        return FieldAssignmentView.of(assignments.get(id));
    }

    @POST
    @Path("{id}/reports")
    @RolesAllowed(Roles.TRAINEE)
    @Operation(summary = "Report on field work as JSON (text and links); a resubmission is a new revision")
    @APIResponse(responseCode = "201", description = "Created: the answer is the new record, Location its address")
    public Response submit(@PathParam("id") String id, @Valid @NotNull ReportRequest request, @Context UriInfo uri) {
        return created(reports.submit(id, request.text(), request.links(), null), uri);
    }

    @POST
    @Path("{id}/reports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.TRAINEE)
    @Operation(summary = "Report on field work as a form: parts text, links (repeatable) and file (PDF, Office, image, video)")
    @APIResponse(responseCode = "201", description = "Created: the answer is the new record, Location its address")
    public Response submitForm(@PathParam("id") String id, List<EntityPart> parts, @Context UriInfo uri) {
        ReportForm.Parsed form = ReportForm.parse(parts);
        return created(reports.submit(id, form.text(), form.links(), form.file()), uri);
    }

    @GET
    @Path("{id}/reports")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER, Roles.HR, Roles.TRAINEE})
    @Operation(summary = "Reports, newest first: all for trainers and PROGRAM_ADMIN, own staff's for HR, own for a trainee; latest=true leaves out superseded revisions")
    public Page<FieldReportView> list(@PathParam("id") String id, @QueryParam("latest") @DefaultValue("false") boolean latest,
                                      @Valid @BeanParam PageRequest page) {
        return reports.list(id, latest, page).map(FieldReportView::of);
    }

    private static Response created(FieldReports.Report report, UriInfo uri) {
        FieldReportView view = FieldReportView.of(report);
        return Response.created(uri.getBaseUriBuilder().path("field-reports").path(view.id()).build()).entity(view).build();
    }
}
