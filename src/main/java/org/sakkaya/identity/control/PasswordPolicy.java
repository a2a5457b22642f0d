package org.sakkaya.identity.control;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be, after NIST SP 800-63B: long enough, not absurdly long, not a well-known password and
 * not the person's own e-mail. No composition rules: they make passwords harder to remember, not to guess.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = Set.of(
            "password", "password1", "password12", "password123", "1234567890", "0123456789", "12345678910",
            "qwertyuiop", "1qaz2wsx3edc", "iloveyou12", "admin12345", "administrator", "welcome123",
            "sakkaya123", "sakkaya2563", "changeme123", "abcdefghij", "aaaaaaaaaa", "0000000000", "1111111111",
            "passw0rd123", "p@ssw0rd123", "qwerty1234", "letmein123", "bangkok123", "thailand123");

    private PasswordPolicy() {
    }

    /** Why the password is refused, or empty when it is acceptable. */
    public static Optional<String> check(String password, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (password.indexOf('\uFFFD') >= 0) {
            // what a body not in UTF-8 is read as: a password nobody could type again
            return Optional.of("is not UTF-8 text: it holds U+FFFD, which stands for bytes that could not be read");
        }
        String normalized = Normalizer.normalize(password, Normalizer.Form.NFC);
        int length = normalized.codePointCount(0, normalized.length());
        if (length < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        String lower = normalized.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return Optional.of("is too common; choose another");
        }
        if (normalized.codePoints().distinct().count() < 4) {
            return Optional.of("repeats too few characters; choose another");
        }
        if (email != null) {
            String localPart = email.toLowerCase(Locale.ROOT).split("@", 2)[0];
            if (localPart.length() >= 4 && lower.contains(localPart)) {
                return Optional.of("must not contain your e-mail name");
            }
        }
        return Optional.empty();
    }
}
