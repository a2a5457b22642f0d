package org.sakkaya.platform.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {
    @Override
    public Response toResponse(DomainException e) {
        return toResponseOf(e);
    }

    static Response toResponseOf(DomainException e) {
        Response.ResponseBuilder builder = Problem.of(e.status(), e.type(), e.title(), e.getMessage())
                .withErrors(e.errors()).toResponseBuilder();
        if (e instanceof TooManyRequests tooMany) {
            builder.header("Retry-After", tooMany.retryAfterSeconds());
        }
        if (e instanceof ServiceUnavailable unavailable) {
            builder.header("Retry-After", unavailable.retryAfterSeconds());
        }
        return builder.build();
    }
}
