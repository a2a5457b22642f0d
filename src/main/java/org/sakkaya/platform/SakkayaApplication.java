package org.sakkaya.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.sakkaya.platform.security.Roles;

/**
 * The REST API under {@code /api/v1}: signed in with MicroProfile JWT bearer tokens. A CDI bean, because Payara
 * only finds {@code @LoginConfig} on a bean when discovery is 'annotated'.
 */
@ApplicationScoped
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.TRAINEE, Roles.TRAINER, Roles.HR, Roles.PROGRAM_ADMIN, Roles.EXECUTIVE, Roles.ADMIN})
@OpenAPIDefinition(
        info = @Info(title = "Sakkaya", version = "1",
                description = "Learning management for public-sector workforce upskilling",
                license = @License(name = "Apache-2.0")),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class SakkayaApplication extends Application {
    /**
     * Jersey's generated WADL ({@code /api/v1/application.wadl}, and the body of every OPTIONS) is off: it is not the
     * contract (the OpenAPI document is), and it named the framework and its version to anyone, which the server's
     * own headers no longer do.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
