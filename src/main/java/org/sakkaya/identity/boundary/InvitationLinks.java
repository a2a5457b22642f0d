package org.sakkaya.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sakkaya.platform.OneTimeTokens;

/**
 * The link that takes an invitation: Sakkaya's own page ({@code /accept-invitation?token=...}, for a ministry without a
 * front-end of its own), or a front-end's page given as {@code sakkaya.invitation.link} with {@code {token}} where the
 * token goes. Whoever registers people hands it over (a mail merge of the nominations' answer, say): the link is the
 * invitation, as the token is.
 */
@ApplicationScoped
public class InvitationLinks {
    @Inject
    @ConfigProperty(name = "sakkaya.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "sakkaya.invitation.link")
    Optional<String> template;

    /** The link for this token; null for none. */
    public String of(String token) {
        return token == null ? null : OneTimeTokens.link(template, publicUrl, "/accept-invitation", token);
    }
}
