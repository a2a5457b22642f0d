package org.sakkaya.certificate.control;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Certificate serials: 130 random bits from SecureRandom in Crockford base32 (26 characters, no I, L, O or U), printed
 * in groups of four or five ({@code 7KQ2-M9XD-...}) so a person can type one. Far more than guessable: a verifier
 * answering every guess the same way learns nothing.
 */
public final class Serials {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final int LENGTH = 26;

    private Serials() {
    }

    public static String next() {
        char[] serial = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            serial[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(serial);
    }

    /** {@code 7KQ2-M9XD-4H1P-0TVB-ZC8E-R3} for printing. */
    public static String grouped(String serial) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < serial.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(serial.charAt(i));
        }
        return out.toString();
    }

    /**
     * What a person typed or pasted, as a serial: dashes and spaces dropped, lower case raised, and the letters people confuse
     * with digits read as Crockford says (O as 0, I and L as 1). Empty when it cannot be a serial.
     */
    public static Optional<String> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        // pasted from Word or LINE: full-width letters and digits as NFKC reads them, and any dash (an en dash, a
        // Unicode hyphen, a minus sign), space or invisible format character (a zero-width space) dropped; these
        // answered "no certificate" for a real one
        String serial = Normalizer.normalize(typed, Normalizer.Form.NFKC)
                .replaceAll("[\\s\\p{Z}\\p{Pd}\\p{Cf}\u2212]", "").toUpperCase(Locale.ROOT)
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (serial.length() != LENGTH) {
            return Optional.empty();
        }
        for (char c : serial.toCharArray()) {
            if (new String(ALPHABET).indexOf(c) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(serial);
    }
}
