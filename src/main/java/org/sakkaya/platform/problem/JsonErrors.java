package org.sakkaya.platform.problem;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.sakkaya.platform.Jsons;

/**
 * Which field of a JSON body JSON-B could not read, and why, from what it threw: a body of valid JSON with a value of
 * the wrong type ({@code "capacity": "สามสิบ"}, {@code "track": "BOGUS"}, {@code "competencies": "text"}) was answered
 * "not valid JSON" with no field named, where API.md promises the field.
 */
public final class JsonErrors {
    /** The request property under which {@link RequestBodies} keeps the body it read, for the enum case below. */
    public static final String BODY = JsonErrors.class.getName() + ".body";
    private static final Pattern PROPERTY = Pattern.compile("Unable to deserialize property '([^']+)'");
    private static final Pattern ENUM = Pattern.compile("No enum constant ([\\w.$]+)\\.([^.]*)$");

    private JsonErrors() {
    }

    /** The field and what it must be, when JSON-B's exception names it or the body shows it; empty otherwise. */
    public static Optional<FieldError> field(Throwable e, byte[] body) {
        List<String> path = new ArrayList<>();
        String innermost = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (path.isEmpty()) {
                Matcher property = PROPERTY.matcher(message);
                while (property.find()) {
                    path.add(property.group(1));
                }
            }
            Matcher constant = ENUM.matcher(message);
            if (cause instanceof IllegalArgumentException && constant.find()) {
                String allowed = constants(constant.group(1));
                String name = path.isEmpty() ? pathOf(body, constant.group(2)).orElse("body") : String.join(".", path);
                return Optional.of(new FieldError(name, allowed == null ? "has a value that is not one of its kind"
                        : "must be one of " + allowed));
            }
            if (cause instanceof jakarta.json.bind.JsonbException) {
                innermost = message; // the runtime's words below it (NumberFormatException: "x") say less
            }
        }
        if (path.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FieldError(String.join(".", path), expected(innermost)));
    }

    /** What the field must be, from the innermost message: ours say it in words, JSON-B's name the type. */
    private static String expected(String message) {
        if (message == null) {
            return "has a value of the wrong type";
        }
        if (message.startsWith("Not a whole number")) {
            return "must be a whole number " + message.substring("Not a whole number ".length(), message.lastIndexOf(':'));
        }
        if (message.startsWith("Not a number") || message.startsWith("A number was expected")) {
            return "must be a whole number"; // said by the whole-number fields' reader (WholeNumbers)
        }
        if (message.startsWith("Not true or false") || message.startsWith("true or false was expected")) {
            return "must be true or false";
        }
        if (message.contains("java.util.List") || message.contains("java.util.Set") || message.contains("START_ARRAY")) {
            return "must be an array";
        }
        if (message.contains("START_OBJECT")) {
            return "must be an object";
        }
        if (message.contains("java.lang.Integer") || message.contains("java.lang.Long")) {
            return "must be a whole number";
        }
        if (message.contains("java.math.BigDecimal") || message.contains("java.lang.Double")) {
            return "must be a number";
        }
        if (message.contains("java.time.")) {
            return "must be a date or time as API.md writes them";
        }
        return "has a value of the wrong type";
    }

    /** The constants of an enum of ours, named as the message names it (its canonical name: Outer.Inner). */
    private static String constants(String canonicalName) {
        if (!canonicalName.startsWith("org.sakkaya.")) {
            return null;
        }
        String name = canonicalName;
        for (int nesting = 0; nesting < 3; nesting++) {
            try {
                Class<?> type = Class.forName(name, false, JsonErrors.class.getClassLoader());
                return !type.isEnum() ? null
                        : Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
            } catch (ClassNotFoundException | LinkageError notThisName) {
                int dot = name.lastIndexOf('.');
                if (dot < 0) {
                    return null;
                }
                name = name.substring(0, dot) + "$" + name.substring(dot + 1);
            }
        }
        return null;
    }

    /** The path of the first property of the body (depth first) whose value is this text. */
    static Optional<String> pathOf(byte[] body, String text) {
        if (body == null) {
            return Optional.empty();
        }
        try {
            return find(Jsons.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8)), "", text);
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private static Optional<String> find(JsonValue value, String path, String text) {
        if (value instanceof JsonString string && string.getString().equals(text) && !path.isEmpty()) {
            return Optional.of(path);
        }
        if (value instanceof JsonObject object) {
            for (var entry : object.entrySet()) {
                Optional<String> found = find(entry.getValue(), path.isEmpty() ? entry.getKey() : path + "." + entry.getKey(), text);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                Optional<String> found = find(array.get(i), path + "[" + i + "]", text);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
