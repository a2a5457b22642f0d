package org.sakkaya.platform.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** An RFC 9457 problem detail, the body of every error answer. */
@JsonbPropertyOrder({"type", "title", "status", "detail", "errors"})
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
    private static final Jsonb JSON = JsonbBuilder.create();

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem("urn:sakkaya:problem:" + slug, title, status, detail, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, fieldErrors == null || fieldErrors.isEmpty() ? null : fieldErrors);
    }

    public Response.ResponseBuilder toResponseBuilder() {
        return Response.status(status).type(PROBLEM_JSON).entity(this);
    }

    public Response toResponse() {
        return toResponseBuilder().build();
    }

    /** Answers with this problem from a servlet filter, before JAX-RS and its exception mappers. */
    public void send(HttpServletResponse response) throws IOException {
        byte[] body = JSON.toJson(this).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE + ";charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
