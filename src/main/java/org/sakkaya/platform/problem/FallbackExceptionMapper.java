package org.sakkaya.platform.problem;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else. A domain refusal or a concurrent update may arrive wrapped (by a transaction's commit, say), so
 * the causes are searched first; what is left is our fault: logged with an id, answered 500 without internals.
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());
    /** MariaDB's ER_CANT_AGGREGATE_2COLLATIONS, _3COLLATIONS and _NCOLLATIONS. */
    private static final java.util.Set<Integer> ILLEGAL_MIX_OF_COLLATIONS = java.util.Set.of(1267, 1270, 1271);
    /** MariaDB's ER_LOCK_WAIT_TIMEOUT and ER_LOCK_DEADLOCK; the driver gives the first as a plain SQLException. */
    private static final java.util.Set<Integer> LOCK_FAILURES = java.util.Set.of(1205, 1213);
    /** MariaDB's ER_NO_REFERENCED_ROW_2: a foreign key names a row that is not there. */
    private static final int NO_REFERENCED_ROW = 1452;

    /** The request, for the body {@link RequestBodies} kept (null where this mapper is made by hand). */
    @jakarta.ws.rs.core.Context
    jakarta.servlet.http.HttpServletRequest request;

    @Override
    public Response toResponse(Throwable e) {
        return known(e).orElseGet(() -> isJsonError(e) ? jsonError(e, request) : internal(e));
    }

    /**
     * A body JSON-B could not read: the field and what it must be when that can be told (valid JSON with a value of
     * the wrong type), else "not valid JSON".
     */
    static Response jsonError(Throwable e, jakarta.servlet.http.HttpServletRequest request) {
        Object body = request == null ? null : request.getAttribute(JsonErrors.BODY);
        return JsonErrors.field(e, body instanceof byte[] bytes ? bytes : null)
                .map(field -> Problem.of(400, "malformed-json", "Bad request", "A field of the body has a value of the wrong type or form")
                        .withErrors(List.of(field)))
                .orElseGet(() -> Problem.of(400, "malformed-json", "Bad request", "The body is not valid JSON for this request"))
                .toResponse();
    }

    /**
     * The same answer from a servlet filter, which JAX-RS's mappers do not reach: a keyed request's changes are flushed
     * by {@code IdempotencyFilter} after the use case has answered, and what fails there is answered as it is when the
     * same request without a key fails at its commit.
     */
    public static void send(Throwable e, HttpServletResponse response) throws IOException {
        Response mapped = new FallbackExceptionMapper().toResponse(e);
        mapped.getStringHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        ((Problem) mapped.getEntity()).send(response);
    }

    /** The answer to a failure that is not ours (a refusal, a conflict, a busy or absent database), found among its causes. */
    public static Optional<Response> known(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return Optional.of(DomainExceptionMapper.toResponseOf(domain));
            }
            if (cause instanceof OptimisticLockException) {
                return Optional.of(Problem.of(409, "concurrent-update", "Conflict",
                        "Someone changed this record at the same time; read it again and retry").toResponse());
            }
            if (isLockFailure(cause)) {
                // a deadlock or lock timeout: nothing was written, the same request can simply be sent again
                return Optional.of(Problem.of(503, "busy", "Service busy", "The database was busy and nothing was saved; retry")
                        .toResponseBuilder().header("Retry-After", 1).build());
            }
            if (cause instanceof java.sql.SQLException sql && ILLEGAL_MIX_OF_COLLATIONS.contains(sql.getErrorCode())) {
                // text that is not ASCII compared with an ASCII key column: an id or code in the request that cannot
                // name any record (found by the malformed-request corpus; it answered 500)
                return Optional.of(Problem.of(400, "bad-id", "Bad request", "An id in the request cannot name any record").toResponse());
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                // no connection to the database (it is down or restarting): nothing was written, retry later
                databaseUnavailable(sql);
                return Optional.of(Problem.of(503, "database-unavailable", "Service unavailable",
                        "The database cannot be reached; nothing was saved, retry shortly").toResponseBuilder().header("Retry-After", 5).build());
            }
            if (cause instanceof jakarta.transaction.SystemException || cause instanceof javax.transaction.xa.XAException) {
                // the transaction manager lost the database while starting, committing or rolling back (the crash
                // battery kills MariaDB; a pooled connection found dead when its transaction starts arrives as an
                // XAException under "Error in allocating a connection"): the outcome is unknown to the server; a
                // client retries, and retried writes are idempotent (a submit grades an attempt once)
                databaseUnavailable(cause);
                return Optional.of(Problem.of(503, "database-unavailable", "Service unavailable",
                        "The database failed while this request was saved; read it again or retry shortly")
                        .toResponseBuilder().header("Retry-After", 5).build());
            }
            if (cause instanceof SQLIntegrityConstraintViolationException sql && sql.getErrorCode() == NO_REFERENCED_ROW) {
                // what the request refers to is not there when written: every use case checks its ids first, so it was
                // deleted by another request in between (a lesson deleted while a trainee reported progress in it)
                return Optional.of(Problem.of(409, "removed-meanwhile", "Conflict",
                        "A record this request refers to is no longer there (removed by another request meanwhile); nothing was saved").toResponse());
            }
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                return Optional.of(Problem.of(409, "duplicate", "Conflict",
                        "This conflicts with an existing record").toResponse());
            }
            if (cause instanceof WebApplicationException web && cause != e) {
                return Optional.of(new WebApplicationExceptionMapper().toResponse(web));
            }
        }
        return Optional.empty();
    }

    private static final java.util.concurrent.atomic.AtomicLong LAST_UNAVAILABLE_LINE = new java.util.concurrent.atomic.AtomicLong();
    private static final long UNAVAILABLE_LINE_EVERY_NANOS = 10_000_000_000L;

    /**
     * One line in the log, at most every ten seconds, while requests find the database unreachable: EclipseLink no longer
     * logs what it throws (persistence.xml), and the 503s were otherwise answered without a trace in the log.
     */
    private static void databaseUnavailable(Throwable cause) {
        long now = System.nanoTime();
        long last = LAST_UNAVAILABLE_LINE.get();
        if ((last == 0 || now - last >= UNAVAILABLE_LINE_EVERY_NANOS) && LAST_UNAVAILABLE_LINE.compareAndSet(last, now)) {
            LOG.warning(() -> "The database cannot be reached: requests are answered 503 (" + cause.getClass().getSimpleName()
                    + (cause instanceof java.sql.SQLException sql ? ", SQLState " + sql.getSQLState() : "") + ")");
        }
    }

    /** A key the write would have taken twice (a duplicate, not a missing reference), anywhere in the causes. */
    public static boolean isDuplicate(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException sql && sql.getErrorCode() != NO_REFERENCED_ROW) {
                return true;
            }
        }
        return false;
    }

    /** A deadlock or a lock wait that timed out: nothing was written, and the same request may simply be sent again. */
    public static boolean isLockFailure(Throwable e) {
        return e instanceof java.sql.SQLTransactionRollbackException || e instanceof java.sql.SQLTransientException
                || e instanceof java.sql.SQLException sql && LOCK_FAILURES.contains(sql.getErrorCode());
    }

    static boolean isJsonError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof JsonParsingException
                    || cause instanceof jakarta.json.JsonException) {
                return true;
            }
        }
        return false;
    }

    static Response internal(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Incident " + incident, e);
        return Problem.of(500, "internal", "Internal error",
                "The server could not answer this request (incident " + incident + ")").toResponse();
    }
}
