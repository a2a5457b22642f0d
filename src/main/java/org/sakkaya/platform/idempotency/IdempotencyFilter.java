package org.sakkaya.platform.idempotency;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sakkaya.platform.problem.FallbackExceptionMapper;
import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.Problem;
import org.sakkaya.platform.problem.RequestBodies;
import org.sakkaya.platform.problem.UploadLimit;
import org.sakkaya.platform.security.Caller;

/**
 * {@code Idempotency-Key} on {@code POST} and {@code PATCH} under {@code /api/v1} (the API's conventions): a signed-in
 * caller's write that carries a key runs in one transaction with the row that records its answer
 * ({@link IdempotentRequests}). So a write is applied exactly once whatever the client retries:
 * <ul>
 * <li>applied and committed: a retry with the key and the same request gets the recorded answer again, with
 * {@code Idempotent-Replayed: true}, and nothing is applied twice;</li>
 * <li>not applied (refused, failed, or the server died before the commit): nothing was recorded, so a retry runs
 * it;</li>
 * <li>running: a retry waits on the row until the first commits (then gets its answer) or rolls back (then runs);</li>
 * <li>the key with another request (method, path, query, media type or body): 422, field {@code Idempotency-Key}.</li>
 * </ul>
 * The answer is held back until the transaction has committed, so a client never sees a success that was not
 * recorded. Only successful answers are recorded. An answer its resource marked with {@link #doNotKeep} (it holds a
 * one-time secret) is recorded without its body: a retry gets 409 {@code answer-not-kept} with the Location. Keys are per caller: one caller's key never answers another.
 * Without a key, or for the token call, nothing changes.
 */
// mapped to /api/v1/* in WEB-INF/web.xml, after RevokedTokenFilter: a refused token gets no recorded answer
public class IdempotencyFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class.getName());
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    /** The request attribute by which a resource says its answer holds a one-time secret ({@link #doNotKeep}). */
    private static final String NOT_KEPT = IdempotencyFilter.class.getName() + ".notKept";
    /** Bodies are held in memory to be hashed: at most an upload's limit (25 MiB) and its multipart framing. */
    private static final int MAX_BODY = 32 * 1024 * 1024;
    @Resource
    transient UserTransaction transaction;

    @Inject
    transient IdempotentRequests requests;

    /** Who is calling: keys are the caller's own, and nobody signed in has none. */
    @Inject
    transient Caller caller;

    /**
     * Called by a resource whose answer holds a one-time secret (an invitation token): a retry with the same key is
     * told the request was applied, and is not given the secret again.
     */
    public static void doNotKeep(HttpServletRequest request) {
        request.setAttribute(NOT_KEPT, Boolean.TRUE);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        // every API request passes here: the header and the method first, the caller only for a keyed write
        String key = request.getHeader(HEADER);
        String method = request.getMethod();
        String person = key == null || !("POST".equals(method) || "PATCH".equals(method)) || KeylessPaths.matches(request.getRequestURI())
                || !caller.signedIn() ? null : caller.personId();
        if (person == null) {
            chain.doFilter(request, response);
            return;
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            problem(response, Problem.of(400, "bad-request", "Bad request", "The Idempotency-Key header is not valid")
                    .withErrors(List.of(new FieldError(HEADER, "must be 1 to 255 visible ASCII characters"))));
            return;
        }
        // held in memory to be hashed: an upload up to its limit, any other body (JSON) up to what the API reads
        boolean upload = String.valueOf(request.getContentType()).toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        int limit = upload ? (int) Math.min(MAX_BODY, UploadLimit.largest()) : RequestBodies.MAX_JSON_BYTES;
        // a declared length over the limit is refused before a byte is read, and a body that stops coming within
        // RequestBodies' time (these requests are read here, before JAX-RS and its filters)
        byte[] body;
        try {
            body = RequestBodies.declaredLength(request.getHeader("Content-Length")) > limit ? null
                    : read(request.getInputStream(), limit, upload ? UploadLimit.UPLOAD_SECONDS : RequestBodies.BODY_SECONDS);
        } catch (IOException stalled) {
            response.setHeader("Connection", "close");
            problem(response, RequestBodies.timedOutProblem());
            return;
        }
        if (body == null) {
            problem(response, Problem.of(413, "too-large", "Content too large", upload
                    ? "An upload may carry at most " + limit + " bytes" : "A body (JSON, or a CSV of nominations) may carry at most 2 MiB"));
            return;
        }
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String hash = RequestFingerprint.of(method, path, request.getContentType(), body);

        Optional<IdempotentRequests.Answer> earlier;
        try {
            earlier = requests.find(person, key);
            if (earlier.isPresent() && !earlier.get().current()) {
                requests.forget(person, key);
            }
        } catch (RuntimeException e) {
            // the database gone, say: answered as without a key (503 with Retry-After), so that the client retries
            FallbackExceptionMapper.send(e, response);
            return;
        }
        if (earlier.isPresent() && earlier.get().current()) {
            replay(earlier.get(), hash, response);
            return;
        }
        try {
            transaction.begin();
            try {
                requests.claim(person, key, hash, method, path);
            } catch (PersistenceException e) {
                transaction.rollback();
                Optional<IdempotentRequests.Answer> parallel;
                try {
                    parallel = requests.find(person, key);
                } catch (RuntimeException gone) {
                    FallbackExceptionMapper.send(gone, response);
                    return;
                }
                if (parallel.isPresent() && parallel.get().current()) {
                    replay(parallel.get(), hash, response);
                } else if (keyTaken(e)) {
                    // the same key committed or still running in a parallel request while this one waited on its row
                    problem(response, Problem.of(409, "idempotency-key-in-use", "Conflict", "A request with this Idempotency-Key is running; retry it later")
                            .withErrors(List.of(new FieldError(HEADER, "is in use by a request that has not finished"))));
                } else {
                    // anything else (the database gone, say) is not about the key, and is answered as without one
                    FallbackExceptionMapper.send(e, response);
                }
                return;
            }
            BufferedResponse buffered = new BufferedResponse(response);
            chain.doFilter(new BufferedRequest(request, body), buffered);
            if (buffered.passedThrough) {
                transaction.rollback();
                return;
            }
            int status = buffered.getStatus();
            if (status >= 200 && status < 300 && transaction.getStatus() == Status.STATUS_ACTIVE) {
                // an answer not to be stored (a one-time token in it) is recorded as applied, without its body;
                // Cache-Control cannot say so, as every answer to a signed-in caller is no-store (PrivateAnswersFilter)
                boolean secret = request.getAttribute(NOT_KEPT) != null;
                try {
                    requests.answer(person, key, status, buffered.getContentType(), buffered.getHeader("Location"),
                            buffered.getHeader("ETag"),
                            secret ? null : buffered.body());
                    transaction.commit();
                } catch (RuntimeException e) {
                    // The use case's changes wait for this transaction and are flushed here, before the answer's row
                    // is written. A failure there (a concurrent update, a duplicate, a deadlock) is the use case's, and
                    // is answered as the same request without a key gets it at its own commit; nothing is kept, so a
                    // retry with the key runs again.
                    rollbackIfActive();
                    buffered.reset();
                    FallbackExceptionMapper.send(e, response);
                    return;
                }
            } else if (status >= 200 && status < 300) {
                // something marked the transaction to roll back, yet the answer says success: it was not applied
                transaction.rollback();
                buffered.reset();
                problem(response, notApplied());
                return;
            } else {
                transaction.rollback();
            }
            buffered.send();
        } catch (jakarta.transaction.RollbackException | jakarta.transaction.HeuristicMixedException
                 | jakarta.transaction.HeuristicRollbackException | jakarta.transaction.NotSupportedException | SystemException e) {
            Optional<jakarta.ws.rs.core.Response> known = FallbackExceptionMapper.known(e);
            // a client's conflict is not the operator's concern; a database failing at the commit is
            if (known.isEmpty() || known.get().getStatus() >= 500) {
                LOG.log(Level.WARNING, "A request with an Idempotency-Key could not be committed", e);
            }
            if (!response.isCommitted()) {
                response.reset();
                if (known.isPresent()) {
                    // what failed at the commit is named as without a key (a duplicate found there, say)
                    FallbackExceptionMapper.send(e, response);
                } else {
                    problem(response, notApplied());
                }
            }
        } finally {
            rollbackIfActive();
        }
    }

    /**
     * The claim failed on the key itself: its row inserted by a parallel request (a duplicate key), or held by one that
     * has not finished (the wait for its lock timed out, or ended in a deadlock).
     */
    private static boolean keyTaken(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLIntegrityConstraintViolationException || FallbackExceptionMapper.isLockFailure(cause)) {
                return true;
            }
        }
        return false;
    }

    private static Problem notApplied() {
        return Problem.of(503, "not-applied", "Service unavailable", "The request was not applied; retry it with the same Idempotency-Key");
    }

    private void rollbackIfActive() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (SystemException | IllegalStateException e) {
            LOG.log(Level.WARNING, "Could not roll back a request's transaction", e);
        }
    }

    /** The whole body, or null when it is over the limit; an IOException when it stops coming in time. */
    private static byte[] read(InputStream in, int limit, int seconds) throws IOException {
        byte[] body = RequestBodies.readWithin(in, limit + 1, System.nanoTime() + seconds * 1_000_000_000L);
        return body.length > limit ? null : body;
    }

    private static void replay(IdempotentRequests.Answer answer, String hash, HttpServletResponse response) throws IOException {
        if (!MessageDigest.isEqual(answer.requestHash().getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII))) {
            problem(response, Problem.of(422, "idempotency-key-reused", "Unprocessable request",
                            "This Idempotency-Key was used for another request within the last 24 hours")
                    .withErrors(List.of(new FieldError(HEADER, "was used for another request; use a new key for a new request"))));
            return;
        }
        if (!answer.bodyKept()) {
            if (answer.location() != null) {
                response.setHeader("Location", answer.location());
            }
            response.setHeader(REPLAYED, "true");
            problem(response, Problem.of(409, "answer-not-kept", "Conflict", "This request was applied; its answer held a "
                            + "one-time secret, which is not kept for a retry" + (answer.location() == null ? "" : " (what it made: "
                            + answer.location() + ")"))
                    .withErrors(List.of(new FieldError(HEADER, "was used for a request that was applied; its answer is not kept"))));
            return;
        }
        response.setStatus(answer.status());
        response.setHeader(REPLAYED, "true");
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader("Location", answer.location());
        }
        if (answer.etag() != null) {
            response.setHeader("ETag", answer.etag());
        }
        byte[] body = answer.body() == null ? new byte[0] : answer.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void problem(HttpServletResponse response, Problem problem) throws IOException {
        problem.send(response);
    }

    /** The request with its body read once, for the hash, and read again by the application. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("The body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    /**
     * The answer held in memory until the transaction commits. Status and headers go to the response at once (it is
     * not committed while no byte of the body is written); an error sent by the container passes through.
     */
    private static final class BufferedResponse extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private ServletOutputStream stream;
        private PrintWriter writer;
        boolean passedThrough;

        BufferedResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        buffer.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        buffer.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new IllegalStateException("The answer is buffered");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                String encoding = getCharacterEncoding();
                writer = new PrintWriter(new OutputStreamWriter(buffer, encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
            }
            return writer;
        }

        @Override
        public void flushBuffer() {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public boolean isCommitted() {
            return passedThrough || super.isCommitted();
        }

        @Override
        public void setContentLength(int length) {
            // set when the buffered body is sent
        }

        @Override
        public void setContentLengthLong(long length) {
            // set when the buffered body is sent
        }

        @Override
        public void resetBuffer() {
            buffer.reset();
            super.resetBuffer();
        }

        @Override
        public void reset() {
            buffer.reset();
            super.reset();
        }

        @Override
        public void sendError(int status) throws IOException {
            passedThrough = true;
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            passedThrough = true;
            super.sendError(status, message);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            passedThrough = true;
            super.sendRedirect(location);
        }

        byte[] body() {
            flushBuffer();
            return buffer.toByteArray();
        }

        void send() throws IOException {
            byte[] body = body();
            HttpServletResponse response = (HttpServletResponse) getResponse();
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
