package org.sakkaya.workshop.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import org.sakkaya.platform.Sha256;

/**
 * Check-in codes: six characters a trainee types from the screen at the front of the room. The alphabet leaves out
 * what people confuse when reading it aloud or off a projector (0/O, 1/I/L), so 31 symbols give 31^6, about 887
 * million codes. Input is forgiving: case, spaces and dashes are ignored.
 * <p>
 * Only a hash is stored, salted with the session id, so a code read from a backup or a log opens nothing, and the
 * same code in two sessions hashes differently. A code lives a few minutes and guesses are throttled, which is
 * what keeps it from being guessed; the hash only keeps it out of sight.
 */
public final class CheckInCodes {
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 6;

    private static final SecureRandom RANDOM = new SecureRandom();

    public enum Verdict {
        ACCEPTED,
        /** the session's current code, typed too late */
        EXPIRED,
        /** not the session's current code: mistyped, an old one, another session's, or none was issued */
        WRONG
    }

    private CheckInCodes() {
    }

    public static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What the trainee typed, as it was issued: upper case, without spaces or dashes. */
    public static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    public static String hash(String sessionId, String code) {
        return Sha256.hex(sessionId + ":" + normalize(code));
    }

    /**
     * @param storedHash the session's current code hash, null if no code was issued
     * @param expiresAt when that code stops working; it is refused from this instant on
     */
    public static Verdict verify(String storedHash, Instant expiresAt, String sessionId, String typed, Instant now) {
        if (storedHash == null || expiresAt == null) {
            return Verdict.WRONG;
        }
        boolean same = MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.US_ASCII),
                hash(sessionId, typed).getBytes(StandardCharsets.US_ASCII));
        if (!same) {
            return Verdict.WRONG;
        }
        return now.isBefore(expiresAt) ? Verdict.ACCEPTED : Verdict.EXPIRED;
    }
}
