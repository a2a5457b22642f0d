package org.sakkaya.identity.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.identity.entity.Person;
import org.sakkaya.platform.security.Caller;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class MeResource {
    @Inject
    People people;

    @Inject
    Organizations organizations;

    @Inject
    Caller caller;

    public record MeView(PersonView person, OrganizationView organization) {
    }

    @Inject
    Authentication authentication;

    public record PasswordChange(@NotNull @Size(max = 1024) String currentPassword, @NotNull @Size(max = 1024) String newPassword) {
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.HR, Roles.PROGRAM_ADMIN, Roles.EXECUTIVE, Roles.ADMIN})
    @Operation(summary = "Change one's own password with the current one; a wrong current password counts as a failed sign-in")
    public Response changePassword(@Valid @NotNull PasswordChange change) {
        authentication.changePassword(change.currentPassword(), change.newPassword());
        return Response.noContent().build();
    }

    @GET
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.HR, Roles.PROGRAM_ADMIN, Roles.EXECUTIVE, Roles.ADMIN})
    @Operation(summary = "The caller's own person record, roles and organisation")
    public MeView me() {
        Person person = people.get(caller.personId());
        return new MeView(PersonView.of(person), OrganizationView.of(organizations.find(person.organizationId()),
                organizations.registrationDomains(person.organizationId())));
    }
}
