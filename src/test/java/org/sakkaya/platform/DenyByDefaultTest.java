package org.sakkaya.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Deny by default: every resource method names the roles it allows, and only the few public calls (signing in,
 * accepting an invitation, staff registering themselves by e-mail, the API's ping) are open to anyone. A new endpoint
 * that forgets its roles fails here.
 */
class DenyByDefaultTest {
    private static final Set<String> PUBLIC = Set.of("AuthResource.token", "AuthResource.acceptInvitation",
            "AuthResource.requestRegistration", "AuthResource.completeRegistration", "AuthResource.requestPasswordReset",
            "AuthResource.completePasswordReset", "PingResource.ping");

    @Test
    void everyResourceMethodDeclaresItsRoles() throws Exception {
        List<Class<?>> resources = resourceClasses();
        assertThat(resources).hasSizeGreaterThan(5);
        List<String> unguarded = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (Class<?> resource : resources) {
            for (Method method : resource.getDeclaredMethods()) {
                boolean endpoint = Arrays.stream(method.getAnnotations())
                        .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
                if (!endpoint) {
                    continue;
                }
                String name = resource.getSimpleName() + "." + method.getName();
                RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
                if (method.isAnnotationPresent(PermitAll.class)) {
                    open.add(name);
                } else if (roles == null || roles.value().length == 0) {
                    unguarded.add(name);
                }
            }
        }
        assertThat(unguarded).as("resource methods without @RolesAllowed").isEmpty();
        assertThat(open).as("resource methods open to anyone").allMatch(PUBLIC::contains);
    }

    private static List<Class<?>> resourceClasses() throws IOException {
        var root = Paths.get("target/classes");
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith("Resource.class"))
                    .map(p -> root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(DenyByDefaultTest::load)
                    .filter(c -> c.isAnnotationPresent(Path.class))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
