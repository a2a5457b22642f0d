package org.sakkaya.workshop.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Workshops")
public class SessionsResource {
    @Inject
    Sessions sessions;

    @Inject
    Attendance attendance;

    public record CheckInRequest(@NotBlank @Size(max = 32) String code) {
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER, Roles.TRAINEE, Roles.HR})
    public SessionView get(@PathParam("id") String id) {
        return SessionView.of(sessions.get(id));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "Change a session: title, times, venue, online URL, speaker or number")
    public SessionView update(@PathParam("id") String id, @Valid @NotNull SessionPatch patch) {
        return SessionView.of(sessions.update(id, patch));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "Delete a session that will not take place; 409 when attendance is recorded for it or field work follows it")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        sessions.delete(id);
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/attendance")
    @RolesAllowed({Roles.TRAINER, Roles.PROGRAM_ADMIN})
    @Operation(summary = "Record attendance in bulk (idempotent); every person must hold a seat, else nothing is written. "
            + "With If-Match (the sheet's ETag), a save that would change a record is refused with 412 when a check-in or "
            + "another save came since the sheet was read")
    @APIResponse(responseCode = "200", description = "Recorded; ETag is the sheet's new version",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AttendanceLineView.class)))
    @APIResponse(responseCode = "412", description = "The sheet changed since it was read: read it again")
    public Response record(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull @Size(max = 10000) List<AttendanceEntry> entries) {
        Attendance.Recorded recorded = attendance.record(id, entries, ifMatch);
        return Response.ok(recorded.lines().stream().map(AttendanceLineView::of).toList())
                .tag(new EntityTag(recorded.version())).build();
    }

    @GET
    @Path("{id}/attendance")
    @RolesAllowed({Roles.TRAINER, Roles.PROGRAM_ADMIN, Roles.HR, Roles.TRAINEE})
    @Operation(summary = "The session's sheet, a page of seats at a time: every seat for trainers and PROGRAM_ADMIN, own staff for HR, own line for a trainee")
    @APIResponse(responseCode = "200", description = "A page of the sheet; for its trainers and PROGRAM_ADMIN, ETag is its version "
            + "(send it as If-Match when saving)", content = @Content(schema = @Schema(implementation = Page.class)))
    public Response sheet(@PathParam("id") String id, @Valid @BeanParam PageRequest page) {
        Attendance.Sheet sheet = attendance.sheet(id, page);
        Response.ResponseBuilder answer = Response.ok(sheet.page().map(AttendanceLineView::of));
        return (sheet.version() == null ? answer : answer.tag(new EntityTag(sheet.version()))).build();
    }

    @POST
    @Path("{id}/check-in-code")
    @RolesAllowed(Roles.TRAINER)
    @Operation(summary = "A new short-lived check-in code for the room; it replaces the one before")
    public CheckInCodeView issueCode(@PathParam("id") String id) {
        return CheckInCodeView.of(attendance.issueCode(id));
    }

    @POST
    @Path("{id}/check-in")
    @RolesAllowed(Roles.TRAINEE)
    @Operation(summary = "Check in with the code on the screen, once, while the session's check-in is open")
    @APIResponse(responseCode = "201", description = "Created: the answer is the new record, Location its address")
    public Response checkIn(@PathParam("id") String id, @Valid @NotNull CheckInRequest request, @Context UriInfo uri) {
        CheckInView view = CheckInView.of(attendance.checkIn(id, request.code()));
        return Response.created(uri.getBaseUriBuilder().path("sessions").path(id).path("attendance").build())
                .entity(view).build();
    }
}
