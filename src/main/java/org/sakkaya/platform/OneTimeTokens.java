package org.sakkaya.platform;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * One-time secrets handed to a person (an invitation, a registration or password-reset link): 256 random bits in
 * URL-safe Base64, 43 characters. Only their {@link Sha256} is stored.
 */
public final class OneTimeTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimeTokens() {
    }

    public static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The link a mail carries: the installation's own page ({@code sakkaya.public-url} and the page's path) with the
     * token, or a front-end's page given as a template with {@code {token}} where the token goes.
     */
    public static String link(java.util.Optional<String> template, String publicUrl, String page, String token) {
        return template.filter(t -> t.contains("{token}"))
                .map(t -> t.replace("{token}", token))
                .orElseGet(() -> publicUrl.replaceAll("/+$", "") + page + "?token=" + token);
    }
}
