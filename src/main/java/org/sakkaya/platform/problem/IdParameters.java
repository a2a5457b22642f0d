package org.sakkaya.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serials and kinds in paths are printable ASCII of modest length, and record ids in paths and queries are more
 * (below). Anything else cannot name a record: a path answers 404 and a query parameter 400, before the value reaches
 * the database (where comparing it with an ASCII key column is an error, not a miss).
 * Found by the malformed-request corpus: an emoji or an invalid UTF-8 sequence as an id answered 500. A blank id in a
 * query passes here, and {@link QueryParameters} reads it as no filter.
 * <p>
 * A record id ({@code id} and every {@code ...Id}) must be spelled exactly as stored: a UUID in lower case. The id
 * columns compare without case, so the database found a record under {@code /people/{ID IN CAPITALS}} while Java's
 * {@code equals} took it for another record: an administrator erased their own account, an enrolment was stored
 * under the cohort's id in capitals and escaped the check that results are final, an attempt stored so broke the
 * cohort's gradebook. Another spelling now names no record, as {@link RecordId} has it for ids in bodies.
 */
@Provider
public class IdParameters implements ContainerRequestFilter {
    static final int MAX_LENGTH = 100;

    /** A record id as {@link org.sakkaya.platform.persistence.Ids} makes them and the database holds them. */
    private static final Pattern RECORD_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Override
    public void filter(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getPathParameters().entrySet()) {
            boolean recordId = namesRecordId(parameter.getKey());
            for (String value : parameter.getValue()) {
                if (recordId ? !recordId(value) : !plausibleId(value)) {
                    throw new NotFound("Record", value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) + "…" : value);
                }
            }
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (parameter.getKey().endsWith("Id")) {
                for (String value : parameter.getValue()) {
                    if (!value.isBlank() && !recordId(value)) {
                        throw new InvalidInput(parameter.getKey(), "must be an id");
                    }
                }
            }
        }
    }

    /** {@code id}, {@code personId}, {@code courseId}...; not a serial, a template's kind or a file's format. */
    static boolean namesRecordId(String parameter) {
        return parameter.equals("id") || parameter.endsWith("Id");
    }

    /** Whether the value is a record id spelled as stored: for ids a use case checks itself, as in a list's rows. */
    public static boolean recordId(String value) {
        return value.length() == 36 && RECORD_ID.matcher(value).matches();
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
