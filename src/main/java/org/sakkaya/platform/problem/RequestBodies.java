package org.sakkaya.platform.problem;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A JSON body is read whole before anything parses it, and refused as a whole:
 * <ul>
 * <li>larger than {@value #MAX_JSON_BYTES} bytes (2 MiB): 413. A form of the API is far smaller (the largest, a
 * certificate template with four images of 256 KiB as data URLs, is under 1.5 MB); 32 sign-ins of 25 MiB each, sent
 * without a token, filled a 2 GB heap and made other requests fail with 500;</li>
 * <li>declared in another charset than UTF-8: 415 (a body in TIS-620, the older Thai encoding, was read as UTF-8 and
 * a person's name stored as replacement characters, answered 201);</li>
 * <li>not valid UTF-8: 400, for the same reason;</li>
 * <li>a field given twice in one object, more after the body's value, or a number of more than 100 characters: 400
 * naming the field ({@link JsonShape}).</li>
 * </ul>
 * A body that stops arriving (a client gone, or one holding a request thread on purpose by sending a byte now and
 * then) is answered 408 once Grizzly's read gives up or {@value #BODY_SECONDS} s have passed since the first byte was
 * asked for, whichever comes first; it answered 500 after 60 s with 16 KB of stack traces in the log, and a body
 * trickled a byte every 25 s held its thread for ever. Behind the proxy (docs/OPERATIONS.md) nginx buffers bodies.
 * Uploads (multipart): {@link UploadLimit}.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class RequestBodies implements ContainerRequestFilter {
    public static final int MAX_JSON_BYTES = 2 * 1024 * 1024;
    public static final int BODY_SECONDS = 30;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type != null && "multipart".equals(type.getType())) {
            return; // UploadLimit had its size; the file store counts the file as it streams in
        }
        String charset = type == null ? null : type.getParameters().get("charset");
        if (charset != null && !utf8(charset)) {
            request.abortWith(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                            "Bodies are read as UTF-8 only; this one says charset=" + charset)
                    .withErrors(List.of(new FieldError("Content-Type", "must be UTF-8 (charset=utf-8, or no charset)"))).toResponse());
            return;
        }
        if (declaredLength(request.getHeaderString("Content-Length")) > MAX_JSON_BYTES) {
            request.abortWith(tooLarge());
            return;
        }
        // read at once, not asked first whether there is a body: Jersey asks with a blocking read of its own, which a
        // body that never starts answered with a 500 after Grizzly's timeout
        byte[] body;
        try {
            body = readWithin(request.getEntityStream(), MAX_JSON_BYTES + 1, System.nanoTime() + BODY_SECONDS * 1_000_000_000L);
        } catch (IOException stalled) {
            request.abortWith(timedOut());
            return;
        }
        if (body.length > MAX_JSON_BYTES) {
            request.abortWith(tooLarge());
            return;
        }
        if (!validUtf8(body)) {
            request.abortWith(Problem.of(400, "bad-request", "Bad request", "The body is not valid UTF-8")
                    .withErrors(List.of(new FieldError("body", type == null || json(type) ? "must be JSON in UTF-8"
                            : "must be in UTF-8 (from a spreadsheet: save it as CSV UTF-8)"))).toResponse());
            return;
        }
        if (type == null || json(type)) {
            var flaw = JsonShape.first(body);
            if (flaw.isPresent()) {
                request.abortWith(Problem.of(400, "bad-request", "Bad request", flaw.get().detail())
                        .withErrors(List.of(new FieldError(flaw.get().field(), flaw.get().message()))).toResponse());
                return;
            }
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        request.setProperty(JsonErrors.BODY, body); // to name the field of a value JSON-B cannot read
    }

    /**
     * The problem of a body that did not arrive in time (here, and in the idempotency filter, which reads keyed ones);
     * made when needed, as a constant would load JSON-B with this class.
     */
    public static Problem timedOutProblem() {
        return Problem.of(408, "request-timeout", "Request timeout", "The request's body did not arrive in time; send it again");
    }

    /** The answer to a body that did not arrive in time; the connection is closed, as the rest may still come. */
    private static jakarta.ws.rs.core.Response timedOut() {
        return timedOutProblem().toResponseBuilder().header("Connection", "close").build();
    }

    /**
     * A {@code Content-Length} as the number it says, however large (-1 when absent or not a number, which Grizzly
     * refuses before this): JAX-RS reads it as an {@code int}, and 2 GiB or more failed there with a 500.
     */
    public static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * At most {@code limit} bytes of the stream, or fewer at its end; an {@link IOException} when a read fails (Grizzly's
     * own timeout) or the deadline ({@link System#nanoTime()}) passes between two reads.
     */
    public static byte[] readWithin(InputStream in, int limit, long deadline) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (body.size() < limit) {
            int n = in.read(buffer, 0, Math.min(buffer.length, limit - body.size()));
            if (n < 0) {
                break;
            }
            body.write(buffer, 0, n);
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("the body was still arriving at its deadline");
            }
        }
        return body.toByteArray();
    }

    /** application/json, or a type of it such as application/merge-patch+json. */
    static boolean json(MediaType type) {
        return "application".equalsIgnoreCase(type.getType())
                && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
    }

    static boolean utf8(String charset) {
        String name = charset.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        return name.equals("utf-8") || name.equals("utf8");
    }

    static boolean validUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static jakarta.ws.rs.core.Response tooLarge() {
        return Problem.of(413, "too-large", "Content too large", "A body (JSON, or a CSV of nominations) may carry at most 2 MiB").toResponse();
    }
}
