package org.sakkaya.platform.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** The runtime's own refusals (unknown path, wrong method or media type, bad parameter) as problem+json. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        Throwable conversion = parameterConversion(e);
        if (status == 404 && conversion != null) {
            if (conversion.getCause() instanceof DomainException refused) {
                // one of our converters (QueryParameters) said what is wrong with the value
                return DomainExceptionMapper.toResponseOf(refused);
            }
            // Jersey answers a query parameter it cannot convert (page=abc) with 404; it is the client's bad input
            Problem problem = Problem.of(400, "bad-request", "Bad request", "A query parameter has a value of the wrong form");
            String name = parameterName(conversion);
            return (name == null ? problem : problem.withErrors(List.of(new FieldError(name, "has a value of the wrong form"))))
                    .toResponseBuilder().build();
        }
        if (status >= 500) {
            return FallbackExceptionMapper.internal(e);
        }
        Problem problem = switch (status) {
            case 400 -> Problem.of(400, "bad-request", "Bad request", badRequestDetail(e));
            case 401 -> Problem.of(401, "unauthenticated", "Unauthorized", "Sign in: send 'Authorization: Bearer <token>'");
            case 403 -> Problem.of(403, "forbidden", "Forbidden", "Your roles do not allow this");
            case 404 -> Problem.of(404, "not-found", "Not found", "There is nothing at this address");
            case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed", "This address does not take that method");
            case 406 -> Problem.of(406, "not-acceptable", "Not acceptable", "This address cannot answer in the media type asked for");
            case 408 -> RequestBodies.timedOutProblem();
            case 413 -> Problem.of(413, "too-large", "Content too large", e.getMessage());
            case 415 -> Problem.of(415, "unsupported-media-type", "Unsupported media type", "This address takes another media type:"
                    + " application/json for most, text/csv for HR's nominations, multipart/form-data for a file (/openapi says which)");
            default -> Problem.of(status, "http-" + status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage());
        };
        Response.ResponseBuilder builder = problem.toResponseBuilder();
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            builder.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        if (status == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        if (status == 408 || status == 413) {
            builder.header("Connection", "close"); // the rest of the body is not read
        }
        return builder.build();
    }

    private static Throwable parameterConversion(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // query parameters only: a path parameter that does not convert (an unknown template kind) names
            // nothing, and stays 404
            if (t.getClass().getSimpleName().equals("QueryParamException")) {
                return t;
            }
        }
        return null;
    }

    /**
     * The parameter Jersey's {@code ParamException} names, read by its public accessor; the application compiles
     * against the Jakarta REST API only, so it is not cast to Jersey's class. Null when it cannot be read.
     */
    private static String parameterName(Throwable conversion) {
        try {
            Object name = conversion.getClass().getMethod("getParameterName").invoke(conversion);
            return name instanceof String text && !text.isBlank() ? text : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static String badRequestDetail(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (FallbackExceptionMapper.isJsonError(e)) {
            return "The body is not valid JSON for this request";
        }
        if (cause instanceof IllegalArgumentException || cause instanceof java.time.DateTimeException) {
            return "A parameter has a value of the wrong form";
        }
        return "The request could not be understood";
    }
}
