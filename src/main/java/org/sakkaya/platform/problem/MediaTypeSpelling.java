package org.sakkaya.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;

/**
 * Media types compare without case (RFC 9110, 8.3.1), and Jersey compares them as written: {@code Accept:
 * APPLICATION/JSON} found no writer and answered 500, {@code Content-Type: Application/Json} 415. Types and subtypes
 * are read in lower case here, before the request is matched; and the API answers in UTF-8 only, so a {@code charset}
 * asked for in {@code Accept} is dropped ({@code charset=bogus} answered 500, {@code charset=ISO-8859-1} turned every
 * Thai letter into {@code ?}). A body's declared charset stays, for {@link RequestBodies} to check.
 */
@Provider
@PreMatching
public class MediaTypeSpelling implements ContainerRequestFilter {
    private static final Pattern CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*(\"[^\"]*\"|[^;,]*)", Pattern.CASE_INSENSITIVE);

    @Override
    public void filter(ContainerRequestContext request) {
        String accept = request.getHeaderString("Accept");
        if (accept != null && needsRespelling(accept)) {
            request.getHeaders().putSingle("Accept", CHARSET.matcher(lowerTypes(accept)).replaceAll(""));
        }
        String type = request.getHeaderString("Content-Type");
        if (type != null && needsRespelling(type)) {
            request.getHeaders().putSingle("Content-Type", lowerTypes(type));
        }
    }

    /** Whether any capital letter or a charset is there: most requests pass untouched. */
    static boolean needsRespelling(String header) {
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return true;
            }
        }
        return header.contains("charset");
    }

    /** Each media range's type/subtype in lower case; parameters as they were. */
    static String lowerTypes(String header) {
        StringBuilder out = new StringBuilder(header.length());
        boolean inType = true;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == ';') {
                inType = false;
            } else if (c == ',') {
                inType = true;
            }
            out.append(inType && c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }
}
