package org.sakkaya.platform.idempotency;

/**
 * The writes that take no {@code Idempotency-Key}. Sign-in and check-in count their failures (wrong passwords, wrong
 * check-in codes) in the request that refuses them, and keep the count although they answer 4xx. A keyed request runs
 * in one transaction that a 4xx rolls back, which would undo the count: with a new key each time, guessing would never
 * be throttled. Both are idempotent by nature (one token more, or 409 for a check-in recorded already). A password
 * reset answers a one-time invitation token, and a trainer's check-in code is stored only as a hash: a kept answer
 * would hold either in plain text in the database for a day. Asking again simply gives a new one. A request for a
 * registration or password-reset link sends mail, which no rollback takes back; asking again sends a new link that
 * replaces the first.
 */
final class KeylessPaths {
    private static final java.util.regex.Pattern MATRIX_PARAMETERS = java.util.regex.Pattern.compile(";[^/]*");
    private static final java.util.regex.Pattern TRAILING_SLASHES = java.util.regex.Pattern.compile("/+$");

    private KeylessPaths() {
    }

    /** Matched as JAX-RS routes them: without a trailing slash or matrix parameters ({@code /check-in/}, {@code ;x}). */
    static boolean matches(String path) {
        String route = TRAILING_SLASHES.matcher(MATRIX_PARAMETERS.matcher(path).replaceAll("")).replaceAll("");
        return route.endsWith("/auth/token") || route.endsWith("/check-in") || route.endsWith("/check-in-code")
                || route.endsWith("/invitation") || route.endsWith("/auth/registrations")
                || route.endsWith("/auth/password-resets");
    }
}
