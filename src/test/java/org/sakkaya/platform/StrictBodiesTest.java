package org.sakkaya.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.HttpMethod;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The strict readers of whole numbers and booleans ({@link WholeNumbers}) are registered for {@code Integer},
 * {@code Long} and {@code Boolean}, and JSON-B matches them by exact type: a body field of a primitive type would be
 * read leniently again ({@code "yes"} as false, 4294967336 as 40). Every record a resource method reads from a body,
 * and every record inside it, has none.
 */
class StrictBodiesTest {
    private static final Set<Class<?>> LENIENT = Set.of(boolean.class, int.class, long.class, short.class, byte.class);

    @Test
    void noBodyFieldIsOfAPrimitiveTypeTheStrictReadersDoNotSee() throws Exception {
        Deque<Type> pending = new ArrayDeque<>();
        for (Class<?> resource : resourceClasses()) {
            for (Method method : resource.getDeclaredMethods()) {
                if (Arrays.stream(method.getAnnotations()).noneMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class))) {
                    continue;
                }
                for (int i = 0; i < method.getParameterCount(); i++) {
                    if (method.getParameterAnnotations()[i].length == 0 || Arrays.stream(method.getParameterAnnotations()[i])
                            .allMatch(a -> a.annotationType().getName().startsWith("jakarta.validation"))) {
                        pending.add(method.getGenericParameterTypes()[i]); // the body
                    }
                }
            }
        }
        Set<Class<?>> seen = new HashSet<>();
        Set<String> lenient = new TreeSet<>();
        while (!pending.isEmpty()) {
            Type type = pending.pop();
            if (type instanceof ParameterizedType generic) {
                pending.addAll(List.of(generic.getActualTypeArguments()));
            } else if (type instanceof Class<?> record && record.isRecord() && seen.add(record)) {
                for (RecordComponent component : record.getRecordComponents()) {
                    if (LENIENT.contains(component.getType())) {
                        lenient.add(record.getName() + "." + component.getName());
                    }
                    pending.add(component.getGenericType());
                }
            }
        }
        assertThat(seen).as("records read from bodies").hasSizeGreaterThan(20);
        assertThat(lenient).as("body fields of a primitive type").isEmpty();
    }

    private static List<Class<?>> resourceClasses() throws IOException {
        var root = Paths.get("target/classes");
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith("Resource.class"))
                    .map(p -> root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .<Class<?>>map(name -> {
                        try {
                            return Class.forName(name);
                        } catch (ClassNotFoundException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        }
    }
}
