package org.sakkaya.identity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.sakkaya.platform.RecordVersions;
import org.sakkaya.identity.entity.Person;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.idempotency.IdempotencyFilter;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("people")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class PeopleResource {

    @Inject
    People people;

    @Inject
    InvitationLinks invitationLinks;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.HR})
    @Operation(summary = "Register a person with an initial password, or get a one-time invitation token")
    @APIResponse(responseCode = "201", description = "Created: the answer is the new record, Location its address")
    public Response create(@Valid @NotNull PersonRequest request, @Context UriInfo uri, @Context HttpServletRequest http) {
        People.Created created = people.create(request);
        PersonView view = PersonView.of(created.person(), created.invitationToken(), invitationLinks.of(created.invitationToken()),
                Bangkok.time(created.invitationExpiresAt()));
        Response.ResponseBuilder answer = Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view);
        if (created.invitationToken() != null) {
            // an invitation token is a one-time secret: not cached, and not kept for an Idempotency-Key's retry
            answer.header("Cache-Control", "no-store");
            IdempotencyFilter.doNotKeep(http);
        }
        return answer.build();
    }

    @POST
    @Path("{id}/invitation")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Reset a password (ADMIN): it stops working, and a new one-time invitation token is answered")
    @APIResponse(responseCode = "200", description = "The person with the new invitation token",
            content = @Content(schema = @Schema(implementation = PersonView.class)))
    public Response resetPassword(@PathParam("id") String id) {
        People.Created reset = people.resetPassword(id);
        return Response.ok(PersonView.of(reset.person(), reset.invitationToken(), invitationLinks.of(reset.invitationToken()),
                        Bangkok.time(reset.invitationExpiresAt())))
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.HR})
    @Operation(summary = "People an administrator, or HR within its own organisations, may see")
    public Page<PersonView> list(@QueryParam("organizationId") @Size(max = 36) String organizationId,
                                 @QueryParam("q") @Size(max = 100) String q,
                                 @Valid @BeanParam PageRequest page) {
        return people.list(organizationId, q, page).map(PersonView::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.HR, Roles.PROGRAM_ADMIN, Roles.EXECUTIVE, Roles.ADMIN})
    @Operation(summary = "One person: for ADMIN, HR of their organisation, or the person themself")
    @APIResponse(responseCode = "200", description = "The person; ETag is its version (send it as If-Match with a PATCH)",
            content = @Content(schema = @Schema(implementation = PersonView.class)))
    public Response get(@PathParam("id") String id) {
        Person person = people.get(id);
        return RecordVersions.ok(PersonView.of(person), person.version());
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.HR})
    @Operation(summary = "Change a person; roles only by ADMIN (HR may only make trainees)",
            description = "A role granted to a person whose credentials came from a registration by HR withdraws their password"
                    + " and invitation, which the registrar may know; issue a new invitation with POST /people/{id}/invitation.")
    @APIResponse(responseCode = "200", description = "Changed; ETag is the new version",
            content = @Content(schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "412", description = "If-Match names another version: someone saved it since it was read")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull PersonPatch patch) {
        Person person = people.update(id, patch, ifMatch);
        return RecordVersions.ok(PersonView.of(person), person.version());
    }

    @GET
    @Path("{id}/personal-data")
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.HR, Roles.PROGRAM_ADMIN, Roles.EXECUTIVE, Roles.ADMIN})
    @Operation(summary = "Everything stored about a person (PDPA access and portability): the person or ADMIN")
    public Map<String, Object> personalData(@PathParam("id") String id) {
        return people.personalData(id);
    }

    @DELETE
    @Path("{id}/personal-data")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Erase a person's personal data, keeping aggregate figures and issued certificates valid")
    public void erase(@PathParam("id") String id) {
        people.erase(id);
    }
}
