package org.sakkaya.identity.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RequestScoped
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
@SecurityRequirements
public class AuthResource {
    @Inject
    Authentication authentication;

    @Inject
    Registrations registrations;

    @Inject
    PasswordResets passwordResets;

    /** Where the mail went and until when its link works; the same whether or not the address has an account. */
    public record RegistrationRequested(String email, OffsetDateTime linkExpiresAt) {
    }

    public record TokenRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 1000) String password) {
    }

    public record TokenView(String accessToken, String tokenType, long expiresIn, List<String> roles) {
    }

    /** Ask for a link to set a new password, mailed to this address if it has an account a link may reset. */
    public record PasswordResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    /** Until when a link sent now would work; the same whether or not the address has an account. */
    public record PasswordResetRequested(String email, OffsetDateTime linkExpiresAt) {
    }

    public record PasswordResetCompletion(@NotBlank @Size(max = 100) String token, @NotNull @Size(max = 1000) String password) {
    }

    public record InvitationAcceptance(@NotBlank @Size(max = 100) String token, @NotNull @Size(max = 1000) String password) {
    }

    @POST
    @Path("token")
    @PermitAll
    @Operation(summary = "Sign in with e-mail and password; answers a bearer token")
    @APIResponse(responseCode = "200", description = "Signed in", content = @Content(schema = @Schema(implementation = TokenView.class)))
    @APIResponse(responseCode = "401", description = "Wrong e-mail or password")
    @APIResponse(responseCode = "429", description = "Too many failed sign-ins for this account or address; see Retry-After")
    public Response token(@Valid @NotNull TokenRequest request) {
        Authentication.SignedIn signedIn = authentication.signIn(request.email(), request.password());
        // a bearer token is not to be cached (RFC 6749, 5.1)
        return Response.ok(new TokenView(signedIn.token().value(), "Bearer", signedIn.token().expiresInSeconds(), signedIn.roles()))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("logout")
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.HR, Roles.PROGRAM_ADMIN, Roles.EXECUTIVE, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Sign out everywhere: every token of the caller's issued until now stops working")
    @APIResponse(responseCode = "204", description = "Signed out; sign in again for a new token")
    public void logout() {
        authentication.signOut();
    }

    @POST
    @Path("invitations/accept")
    @PermitAll
    @Operation(summary = "Set the first password with the one-time invitation token given when the person was registered")
    @APIResponse(responseCode = "204", description = "Password set; sign in with it")
    public void acceptInvitation(@Valid @NotNull InvitationAcceptance request) {
        authentication.acceptInvitation(request.token(), request.password());
    }

    @POST
    @Path("registrations")
    @PermitAll
    @Operation(summary = "Staff register themselves: send a one-time link to an address at a domain an organisation registers its staff from")
    @APIResponse(responseCode = "202", description = "A link (or, for an address with an account, a note saying so) was sent; the answer is the same either way",
            content = @Content(schema = @Schema(implementation = RegistrationRequested.class)))
    @APIResponse(responseCode = "422", description = "No organisation takes registrations for the address's domain (registration-not-open), or its mail server refused the address")
    @APIResponse(responseCode = "429", description = "Too many requests for this address, or from this client; see Retry-After")
    @APIResponse(responseCode = "503", description = "No mail server is configured (not-configured), or it did not take the message (mail-unavailable; see Retry-After)")
    public Response requestRegistration(@Valid @NotNull RegistrationRequest request) {
        Registrations.Requested requested = registrations.request(request.email());
        return Response.accepted(new RegistrationRequested(requested.email(), Bangkok.time(requested.linkExpiresAt()))).build();
    }

    @POST
    @Path("registrations/complete")
    @PermitAll
    @Operation(summary = "Finish registering with the link's token: names, a password and the privacy notice accepted make a TRAINEE account")
    @APIResponse(responseCode = "201", description = "Registered: sign in with the address and the password; Location is the person's record",
            content = @Content(schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "409", description = "The address has an account already (already-registered)")
    public Response completeRegistration(@Valid @NotNull RegistrationCompletion completion, @Context UriInfo uri) {
        PersonView person = PersonView.of(registrations.complete(completion));
        return Response.created(uri.getBaseUriBuilder().path("people").path(person.id()).build()).entity(person).build();
    }

    @POST
    @Path("password-resets")
    @PermitAll
    @Operation(summary = "A trainee who forgot their password asks for a one-time link to set a new one, mailed to their address")
    @APIResponse(responseCode = "202", description = "If the address has a trainee's account, a link is on its way; the answer is the same either way",
            content = @Content(schema = @Schema(implementation = PasswordResetRequested.class)))
    @APIResponse(responseCode = "429", description = "Too many requests for this address, or from this client; see Retry-After")
    @APIResponse(responseCode = "503", description = "No mail server is configured (not-configured)")
    public Response requestPasswordReset(@Valid @NotNull PasswordResetRequest request) {
        PasswordResets.Requested requested = passwordResets.request(request.email());
        return Response.accepted(new PasswordResetRequested(requested.email(), Bangkok.time(requested.linkExpiresAt()))).build();
    }

    @POST
    @Path("password-resets/complete")
    @PermitAll
    @Operation(summary = "Set a new password with the link's token: every session of the person ends")
    @APIResponse(responseCode = "204", description = "Password set; sign in with it")
    @APIResponse(responseCode = "400", description = "A weak password (the link still works), or a link used, replaced, expired or void")
    public void completePasswordReset(@Valid @NotNull PasswordResetCompletion completion) {
        passwordResets.complete(completion.token(), completion.password());
    }
}
