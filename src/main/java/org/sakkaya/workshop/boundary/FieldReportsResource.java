package org.sakkaya.workshop.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.platform.files.Downloads;
import org.sakkaya.platform.files.FileStore;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("field-reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Workshops")
public class FieldReportsResource {
    @Inject
    FieldReports reports;

    @Inject
    FileStore files;

    public record FeedbackRequest(@NotBlank @Size(max = 10000) String text) {
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER, Roles.HR, Roles.TRAINEE})
    @Operation(summary = "One report revision with its mentors' feedback")
    public FieldReportView get(@PathParam("id") String id) {
        return FieldReportView.of(reports.get(id));
    }

    @GET
    @Path("{id}/file")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER, Roles.HR, Roles.TRAINEE})
    @Operation(summary = "The report's file, as an attachment of the type read from its content")
    @APIResponse(responseCode = "200", description = "The file as uploaded, of the type it was stored as", content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response file(@PathParam("id") String id) {
        return Downloads.attachment(reports.file(id), files);
    }

    @POST
    @Path("{id}/feedback")
    @RolesAllowed(Roles.TRAINER)
    @Operation(summary = "A mentor's feedback on a report; every comment is kept with its author and time")
    @APIResponse(responseCode = "201", description = "Created: the answer is the new record, Location its address")
    public Response giveFeedback(@PathParam("id") String id, @Valid @NotNull FeedbackRequest request, @Context UriInfo uri) {
        FieldReportView.FeedbackView view = FieldReportView.FeedbackView.of(reports.giveFeedback(id, request.text()));
        return Response.created(uri.getBaseUriBuilder().path("field-reports").path(id).build()).entity(view).build();
    }
}
