package org.sakkaya.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Ids, serials and kinds in paths, and ids in query parameters ({@code cohortId}, {@code organizationId}, ...), are
 * printable ASCII of modest length. Anything else cannot name a record: a path answers 404 and a query parameter 400,
 * before the value reaches the database (where comparing it with an ASCII key column is an error, not a miss).
 * Found by the malformed-request corpus: an emoji or an invalid UTF-8 sequence as an id answered 500. A blank id in a
 * query passes here, and {@link QueryParameters} reads it as no filter.
 */
@Provider
public class IdParameters implements ContainerRequestFilter {
    static final int MAX_LENGTH = 100;

    @Override
    public void filter(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getPathParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                if (!plausibleId(value)) {
                    throw new NotFound("Record", value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) + "…" : value);
                }
            }
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (parameter.getKey().endsWith("Id")) {
                for (String value : parameter.getValue()) {
                    if (!value.isBlank() && !plausibleId(value)) {
                        throw new InvalidInput(parameter.getKey(), "must be an id");
                    }
                }
            }
        }
    }

    static boolean plausibleId(String value) {
        if (value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            // a space may be typed into a serial; control characters and anything beyond ASCII name nothing
            if (ch < 0x20 || ch >= 0x7F) {
                return false;
            }
        }
        return true;
    }
}
