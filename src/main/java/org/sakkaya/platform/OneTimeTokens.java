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
}
