package org.sakkaya.platform.persistence;

import java.util.Optional;

/**
 * How much MariaDB's text columns hold, counted as MariaDB counts: a TEXT column holds 65,535 bytes whatever its
 * character set, and in utf8mb4 a Thai character takes 3 of them (an emoji 4, and a JSON escape such as
 * {@code \u0001} 6). A value over its column fails the statement (error 1406 at the flush, a 500); a value a request
 * makes is measured here first, so that it is refused naming its field and nothing is written.
 */
public final class ColumnSizes {
    /** A TEXT column: 65,535 bytes, about 21,800 Thai characters. */
    public static final int TEXT_BYTES = 65_535;

    private ColumnSizes() {
    }

    /** The length of {@code text} in UTF-8, without encoding it. */
    public static int utf8Bytes(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Why {@code stored}, as it would be written, does not fit a TEXT column; empty when it does. */
    public static Optional<String> overText(String stored) {
        int bytes = utf8Bytes(stored);
        return bytes <= TEXT_BYTES ? Optional.empty()
                : Optional.of("is too long: " + bytes + " bytes as stored, at most " + TEXT_BYTES + " (a Thai character takes 3)");
    }
}
