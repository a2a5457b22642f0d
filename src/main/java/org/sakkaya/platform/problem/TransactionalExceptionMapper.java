package org.sakkaya.platform.problem;

import jakarta.annotation.Priority;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A failure while a transaction commits (a deadlock, a duplicate key found at flush) arrives as a
 * TransactionalException. Jersey has its own mapper for that type, which rethrows what it cannot map and so ends in
 * the container's HTML error page; this one, preferred by its priority, answers problem+json like every other error.
 */
@Provider
@Priority(1)
public class TransactionalExceptionMapper implements ExceptionMapper<TransactionalException> {
    @Override
    public Response toResponse(TransactionalException e) {
        return new FallbackExceptionMapper().toResponse(e);
    }
}
