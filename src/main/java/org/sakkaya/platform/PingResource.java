package org.sakkaya.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/ping}: the API answers through its own stack (the servlet filters, JAX-RS, JSON-B) without
 * the database and without signing in. A load balancer can probe it, and the benchmarks measure every read against
 * it (C_ping of issue 7: "a plain JAX-RS GET with no database"). {@code /health/live} is Payara's health servlet,
 * which passes through none of that.
 */
@RequestScoped
@Path("ping")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platform")
@SecurityRequirements
public class PingResource {
    public record Pong(String status) {
    }

    private static final Pong UP = new Pong("UP");

    @GET
    @PermitAll
    @Operation(summary = "The API answers; touches no database and needs no sign-in")
    public Pong ping() {
        return UP;
    }
}
