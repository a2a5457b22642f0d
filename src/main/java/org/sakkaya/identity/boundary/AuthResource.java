package org.sakkaya.identity.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
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

    public record TokenRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 1000) String password) {
    }

    public record TokenView(String accessToken, String tokenType, long expiresIn, List<String> roles) {
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
}
