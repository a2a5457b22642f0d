package org.sakkaya.platform.problem;

import jakarta.annotation.Priority;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sakkaya.platform.Jsons;

/**
 * Values JSON-B would take in another type than sent, refused with their field before the body is read: JSON-B (Yasson)
 * reads {@code "title": true} as the text {@code "true"}, a number as its digits, and answers a list sent for a single
 * value ({@code "weight": [1]}) with "not valid JSON" naming nothing. Request bodies are records; this walks the body
 * alongside the record's components (lists and nested records too) and refuses, as 400 {@code malformed-json} naming
 * the field with its place:
 * <ul>
 * <li>anything but text (or null) for a text, a date or time, or a choice of names (an enum);</li>
 * <li>a list or an object for a number or a true/false (text stays taken there: a form sends numbers as text, and the
 * true/false fields read {@code "true"} and {@code "false"});</li>
 * <li>anything but a list for a list, and anything but an object for a record.</li>
 * </ul>
 * Fields of type {@link JsonValue} or {@link Object} take any JSON (an answer's key, an answer). Names the record does
 * not have are left to JSON-B.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class StrictTypes implements ReaderInterceptor {
    private static final Set<Class<?>> NUMBERS = Set.of(Integer.class, int.class, Long.class, long.class, Short.class,
            short.class, Double.class, double.class, Float.class, float.class, BigDecimal.class, BigInteger.class);

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        Object body = context.getProperty(JsonErrors.BODY);
        if (body instanceof byte[] bytes && (type == null || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                || type.getSubtype().endsWith("+json")) && checked(context.getType())) {
            first(bytes, context.getGenericType()).ifPresent(wrong -> {
                throw new WebApplicationException(Problem.of(400, "malformed-json", "Bad request",
                        "A field of the body has a value of the wrong type or form").withErrors(List.of(wrong)).toResponse());
            });
        }
        return context.proceed();
    }

    /** Bodies read into a record or a list (of records): what request bodies are. */
    private static boolean checked(Class<?> type) {
        return type.isRecord() || Collection.class.isAssignableFrom(type);
    }

    /** The first value of the body of another type than its field's, with what it must be; empty when none is. */
    static Optional<FieldError> first(byte[] body, Type target) {
        JsonValue root;
        try {
            root = Jsons.parse(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException notJson) {
            return Optional.empty(); // JSON-B says what is wrong with it
        }
        return check(root, target, "");
    }

    private static Optional<FieldError> check(JsonValue value, Type target, String path) {
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        Class<?> raw = raw(target);
        String field = path.isEmpty() ? "body" : path;
        if (raw == null || raw == Object.class || JsonValue.class.isAssignableFrom(raw)) {
            return Optional.empty();
        }
        if (raw == String.class || raw.isEnum() || Temporal.class.isAssignableFrom(raw)) {
            // in JsonErrors' words where it has them
            return value instanceof JsonString ? Optional.empty() : Optional.of(new FieldError(field, raw.isEnum()
                    ? "must be one of " + String.join(", ", names(raw))
                    : raw == String.class ? "must be text" : "must be a date or time as API.md writes them"));
        }
        if (NUMBERS.contains(raw)) {
            return value instanceof JsonNumber || value instanceof JsonString ? Optional.empty()
                    : Optional.of(new FieldError(field, "must be a number"));
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return value == JsonValue.TRUE || value == JsonValue.FALSE || value instanceof JsonString ? Optional.empty()
                    : Optional.of(new FieldError(field, "must be true or false"));
        }
        if (Collection.class.isAssignableFrom(raw)) {
            if (!(value instanceof JsonArray array)) {
                return Optional.of(new FieldError(field, "must be an array"));
            }
            Type element = target instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            for (int i = 0; i < array.size(); i++) {
                Optional<FieldError> wrong = check(array.get(i), element, path + "[" + i + "]");
                if (wrong.isPresent()) {
                    return wrong;
                }
            }
            return Optional.empty();
        }
        if (raw.isRecord()) {
            if (!(value instanceof JsonObject object)) {
                return Optional.of(new FieldError(field, "must be an object"));
            }
            for (RecordComponent component : raw.getRecordComponents()) {
                JsonbProperty renamed = component.getAccessor().getAnnotation(JsonbProperty.class);
                String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
                if (object.containsKey(name)) {
                    Optional<FieldError> wrong = check(object.get(name), component.getGenericType(),
                            path.isEmpty() ? name : path + "." + name);
                    if (wrong.isPresent()) {
                        return wrong;
                    }
                }
            }
        }
        return Optional.empty(); // maps and other classes: JSON-B's reading
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null; // a type variable or wildcard: not checked
    }

    private static List<String> names(Class<?> enumType) {
        return java.util.Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
    }
}
