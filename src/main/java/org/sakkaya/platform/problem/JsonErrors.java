package org.sakkaya.platform.problem;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.sakkaya.platform.Jsons;

/**
 * Which field of a JSON body JSON-B could not read, and why, from what it threw and the body: a body of valid JSON with
 * a value of the wrong type ({@code "capacity": "สามสิบ"}, {@code "track": "BOGUS"}, {@code "competencies": "text"})
 * was answered "not valid JSON" with no field named, where API.md promises the field. Yasson names the properties on
 * the way to the value but not the places in arrays, so a path through an array is looked up in the body (the first
 * value there that is not of the kind wanted: {@code rubricScores[1].points}).
 */
public final class JsonErrors {
    /** The request property under which {@link RequestBodies} keeps the body it read. */
    public static final String BODY = JsonErrors.class.getName() + ".body";
    private static final Pattern PROPERTY = Pattern.compile("Unable to deserialize property '([^']+)'");
    private static final String NO_ENUM_CONSTANT = "No enum constant ";
    private static final Pattern ALLOWED = Pattern.compile("Allowed: \\[([^\\]]*)\\]");

    private JsonErrors() {
    }

    /** The field and what it must be, when JSON-B's exception and the body tell; empty otherwise. */
    public static Optional<FieldError> field(Throwable e, byte[] body) {
        List<String> names = new ArrayList<>();
        String innermost = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (names.isEmpty()) {
                Matcher property = PROPERTY.matcher(message);
                while (property.find()) {
                    names.add(property.group(1));
                }
            }
            if (cause instanceof IllegalArgumentException && message.startsWith(NO_ENUM_CONSTANT)) {
                return Optional.of(enumField(message.substring(NO_ENUM_CONSTANT.length()), names, parse(body)));
            }
            if (cause instanceof JsonbException) {
                innermost = message; // the runtime's words below it (NumberFormatException: "x") say less
            }
        }
        Kind kind = Kind.of(innermost);
        if (names.isEmpty()) {
            return shape(kind, parse(body));
        }
        String path = Optional.ofNullable(parse(body)).flatMap(root -> resolve(root, names, 0, "", kind.wrong))
                .orElse(String.join(".", names));
        return Optional.of(new FieldError(path, kind.expected(innermost)));
    }

    /**
     * A value of the wrong shape that no property leads to: the body itself (an object where the sheet is an array), or
     * an element of a body that is an array ({@code [1]} where each element is an object), as the body shows it.
     */
    private static Optional<FieldError> shape(Kind kind, JsonValue root) {
        if (root == null || (kind != Kind.ARRAY && kind != Kind.OBJECT)) {
            return Optional.empty();
        }
        if (root instanceof JsonArray array && kind == Kind.OBJECT) {
            for (int i = 0; i < array.size(); i++) {
                if (kind.wrong.test(array.get(i))) {
                    return Optional.of(new FieldError("[" + i + "]", kind.words));
                }
            }
        }
        return kind.wrong.test(root) ? Optional.of(new FieldError("body", kind.words)) : Optional.empty();
    }

    /** What a field must be, and which values are not that, from the innermost message of JSON-B. */
    private enum Kind {
        WHOLE("must be a whole number", v -> !(v instanceof JsonNumber n && n.isIntegral())
                && !(v instanceof JsonString text && text.getString().strip().matches("[+-]?\\d+"))),
        TRUE_FALSE("must be true or false", v -> v.getValueType() != JsonValue.ValueType.TRUE && v.getValueType() != JsonValue.ValueType.FALSE
                && !(v instanceof JsonString text && text.getString().strip().matches("(?i)true|false"))),
        ARRAY("must be an array", v -> !(v instanceof JsonArray)),
        OBJECT("must be an object", v -> !(v instanceof JsonObject)),
        SINGLE("must be a single value (a text, a number, true or false), not an array or object",
                v -> v instanceof JsonArray || v instanceof JsonObject),
        NUMBER("must be a number", v -> !(v instanceof JsonNumber)),
        TIME("must be a date or time as API.md writes them", v -> !(v instanceof JsonString)),
        OTHER("has a value of the wrong type", v -> false);

        final String words;
        final Predicate<JsonValue> wrong;

        Kind(String words, Predicate<JsonValue> wrong) {
            this.words = words;
            this.wrong = wrong;
        }

        String expected(String message) {
            // the whole-number reader (WholeNumbers) says which numbers the field takes
            if (this == WHOLE && message != null && message.startsWith("Not a whole number between ")) {
                return words + message.substring("Not a whole number".length(), message.lastIndexOf(':'));
            }
            return words;
        }

        static Kind of(String message) {
            if (message == null) {
                return OTHER;
            }
            if (message.startsWith("Not a whole number") || message.startsWith("Not a number") || message.startsWith("A number was expected")) {
                return WHOLE; // said by the whole-number fields' reader (WholeNumbers)
            }
            if (message.startsWith("Not true or false") || message.startsWith("true or false was expected")) {
                return TRUE_FALSE;
            }
            Matcher allowed = ALLOWED.matcher(message);
            if (allowed.find()) {
                // "Received event: VALUE_STRING Allowed: [START_ARRAY]": only the allowed part says what is wanted
                String wanted = allowed.group(1);
                return wanted.equals("START_ARRAY") ? ARRAY : wanted.equals("START_OBJECT") ? OBJECT
                        : wanted.contains("START_") ? OTHER : SINGLE;
            }
            if (message.contains("java.lang.Integer") || message.contains("java.lang.Long") || message.contains("java.lang.Short")) {
                return WHOLE;
            }
            if (message.contains("java.math.BigDecimal") || message.contains("java.lang.Double")) {
                return NUMBER;
            }
            if (message.contains("java.time.")) {
                return TIME;
            }
            return OTHER;
        }
    }

    /**
     * An enum value of no constant: the message names the enum by its canonical name and the value after the last dot
     * of the name, and values may hold dots, so the name is the longest part before a dot that is one of our enums.
     */
    private static FieldError enumField(String rest, List<String> names, JsonValue body) {
        for (int dot = rest.lastIndexOf('.'); dot > 0; dot = rest.lastIndexOf('.', dot - 1)) {
            Optional<Class<?>> type = enumOf(rest.substring(0, dot));
            if (type.isPresent()) {
                String value = rest.substring(dot + 1);
                String allowed = Arrays.stream(type.get().getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
                String path = !names.isEmpty() ? String.join(".", names)
                        : pathOf(body, value, type.get().getSimpleName()).orElse("body");
                return new FieldError(path, "must be one of " + allowed);
            }
        }
        return new FieldError(names.isEmpty() ? "body" : String.join(".", names), "has a value that is not one of its kind");
    }

    /** One of our enums, by its canonical name (Outer.Inner); nothing else is loaded. */
    private static Optional<Class<?>> enumOf(String canonicalName) {
        if (!canonicalName.startsWith("org.sakkaya.")) {
            return Optional.empty();
        }
        String name = canonicalName;
        for (int nesting = 0; nesting < 3; nesting++) {
            try {
                Class<?> type = Class.forName(name, false, JsonErrors.class.getClassLoader());
                return type.isEnum() ? Optional.of(type) : Optional.empty();
            } catch (ClassNotFoundException | LinkageError notThisName) {
                int dot = name.lastIndexOf('.');
                if (dot < 0) {
                    return Optional.empty();
                }
                name = name.substring(0, dot) + "$" + name.substring(dot + 1);
            }
        }
        return Optional.empty();
    }

    private static JsonValue parse(byte[] body) {
        if (body == null) {
            return null;
        }
        try {
            return Jsons.parse(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /**
     * The path, with places in arrays, of the first value along these property names that is of the wrong kind; empty
     * when there is none (the runtime refused something the kinds here do not tell apart).
     */
    private static Optional<String> resolve(JsonValue node, List<String> names, int next, String path, Predicate<JsonValue> wrong) {
        if (next == names.size()) {
            return wrong.test(node) ? Optional.of(path) : Optional.empty();
        }
        if (node instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                Optional<String> found = resolve(array.get(i), names, next, path + "[" + i + "]", wrong);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (node instanceof JsonObject object && object.containsKey(names.get(next))) {
            String name = names.get(next);
            return resolve(object.get(name), names, next + 1, path.isEmpty() ? name : path + "." + name, wrong);
        }
        return Optional.empty();
    }

    /**
     * The path of the property (depth first) whose value is this value of an enum: one whose name the enum's name ends
     * with first ({@code status} for AttendanceStatus), else the first.
     */
    static Optional<String> pathOf(JsonValue body, String value, String enumName) {
        List<String[]> found = new ArrayList<>();
        collect(body, "", null, value, found);
        String type = enumName.toLowerCase(Locale.ROOT);
        return found.stream().filter(f -> f[1] != null && type.endsWith(f[1].toLowerCase(Locale.ROOT))).findFirst()
                .or(() -> found.stream().findFirst()).map(f -> f[0]);
    }

    private static void collect(JsonValue value, String path, String key, String text, List<String[]> found) {
        if (value == null) {
            return;
        }
        boolean same = value instanceof JsonString string ? string.getString().equals(text)
                : value instanceof JsonNumber number && number.toString().equals(text);
        if (same && !path.isEmpty()) {
            found.add(new String[] {path, key});
        }
        if (value instanceof JsonObject object) {
            object.forEach((name, child) -> collect(child, path.isEmpty() ? name : path + "." + name, name, text, found));
        }
        if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                collect(array.get(i), path + "[" + i + "]", key, text, found);
            }
        }
    }
}
