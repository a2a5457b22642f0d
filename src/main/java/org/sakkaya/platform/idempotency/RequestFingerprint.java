package org.sakkaya.platform.idempotency;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sakkaya.platform.Sha256;

/** What makes a keyed request the same request again: SHA-256 of its method, path and query, media type and body. */
final class RequestFingerprint {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"?)([^\";]+)\\1", Pattern.CASE_INSENSITIVE);

    private RequestFingerprint() {
    }

    /**
     * The request's fingerprint. A multipart body is taken without its boundary, which most clients choose anew for
     * every request they send, the retry included: the parts and their headers are what must be the same.
     */
    static String of(String method, String path, String contentType, byte[] body) {
        String type = Objects.toString(contentType, "");
        Matcher boundary = BOUNDARY.matcher(type);
        if (type.toLowerCase(Locale.ROOT).startsWith("multipart/") && boundary.find()) {
            body = without(body, boundary.group(2).getBytes(StandardCharsets.ISO_8859_1));
            type = type.substring(0, boundary.start()) + type.substring(boundary.end());
        }
        return Sha256.hex((method + "\n" + path + "\n" + type + "\n").getBytes(StandardCharsets.UTF_8), body);
    }

    /** The bytes with every occurrence of {@code part} left out. */
    private static byte[] without(byte[] bytes, byte[] part) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            if (part.length > 0 && i + part.length <= bytes.length && Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                i += part.length;
            } else {
                out.write(bytes[i++]);
            }
        }
        return out.toByteArray();
    }
}
