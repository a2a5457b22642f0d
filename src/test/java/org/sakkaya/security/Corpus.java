package org.sakkaya.security;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Malformed requests derived from the OpenAPI document: broken and mistyped JSON, huge numbers, overlong strings,
 * bad enums and dates, junk ids (path traversal, SQL, markup, invalid UTF-8) in paths and query parameters, and
 * wrong content types. Bodies start from a plausible one built from the operation's schema, and each mutation
 * changes one thing, so a request gets past the parser as far as that one thing allows.
 */
final class Corpus {
    /** Raw JSON text, written as it is (numbers JSON allows but Java does not hold). */
    record Raw(String json) {
    }

    static final List<String> PATH_JUNK = List.of("x", "..%2F..%2F..%2Fetc%2Fpasswd", "%2E%2E", "%00", "%27%20OR%20%271%27%3D%271",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "a".repeat(300), "00000000-0000-0000-0000-000000000000", "-1",
            "%F0%9F%92%A9", "%C3%28", "9".repeat(40));

    static final List<String> QUERY_JUNK = List.of("abc", "-1", "99999999999999999999", "", "%25", "1e3", "%27%20OR%201%3D1--",
            "NaN", "%00", "2147483648", "%C3%28", "a".repeat(2000));

    static final List<String> STRUCTURAL = List.of("{", "[", "", "null", "\"text\"", "123", "true", "{\"a\":", "[1,2", "{}", "[]",
            "{\"a\":1,\"a\":2}", "\uFEFF{}", "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(2000) + "1" + "}".repeat(2000),
            "{\"x\":\"" + "ก".repeat(400_000) + "\"}", "{'single':'quotes'}", "{\"a\":NaN}", "{\"a\":1e999999}");

    /** Spreadsheets that are not what HR's list of staff should be (the nominations' CSV). */
    static final List<String> CSV = List.of("", "\uFEFF", "\r\n\r\n", "email", "email\n\"unclosed@example.org\n",
            "email\nx\"y\"z@example.org\n", "email,email\na@example.org,b@example.org\n", "ชื่อ (firstNameTh)\nสมชาย\n",
            "email;firstNameTh\na@example.org;สมชาย\n", "email\na@example.org,extra,cells\n", "email\n@\n",
            "email\n\u0000@example.org\n", "email\n" + "a".repeat(300) + "@example.org\n",
            "email,firstNameTh\nnew-" + "x".repeat(10) + "@example.org," + "ก".repeat(400_000) + "\n",
            "email\n" + "x@example.org\n".repeat(501), "=cmd|' /C calc'!A0,email\n", "email\n=HYPERLINK(\"http://x\")\n",
            "email,organizationCode\nnew@example.org,' OR '1'='1\n");

    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=zzz", "application/octet-stream", "application/json; charset=ebcdic");

    private final Map<String, Object> document;

    Corpus(Map<String, Object> document) {
        this.document = document;
    }

    /** A plausible value for the schema: what a careless but honest client would send. */
    Object example(Object schemaObject, int depth) {
        Map<String, Object> schema = resolve(schemaObject);
        if (schema == null || depth > 4) {
            return null;
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        for (String combination : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.get(combination) instanceof List<?> parts && !parts.isEmpty()) {
                return example(parts.get(0), depth + 1);
            }
        }
        String type = type(schema);
        String format = String.valueOf(schema.get("format"));
        return switch (type) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                if (schema.get("properties") instanceof Map<?, ?> properties) {
                    properties.forEach((name, property) -> object.put((String) name, example(property, depth + 1)));
                }
                yield object;
            }
            case "array" -> new ArrayList<>(List.of());
            case "integer" -> 1;
            case "number" -> 1.5;
            case "boolean" -> true;
            default -> switch (format) {
                case "date" -> "2020-11-23";
                case "date-time" -> OffsetDateTime.now(ZoneOffset.ofHours(7)).toString();
                default -> "ทดสอบ";
            };
        };
    }

    /** One body per mutation of a single top-level property of the plausible body. */
    List<String> mutations(Object schemaObject) {
        List<String> bodies = new ArrayList<>();
        Object plausible = example(schemaObject, 0);
        bodies.add(json(plausible));
        Map<String, Object> schema = resolve(schemaObject);
        if (!(plausible instanceof Map<?, ?> base) || schema == null || !(schema.get("properties") instanceof Map<?, ?> properties)) {
            if (plausible instanceof List<?>) {
                bodies.add("[{}]");
                bodies.add("[null]");
                bodies.add("[\"x\"]");
                Map<String, Object> items = resolve(schema == null ? null : schema.get("items"));
                if (items != null && items.get("properties") instanceof Map<?, ?> itemProperties) {
                    for (Object name : itemProperties.keySet()) {
                        for (Object bad : badValues((String) name, resolve(itemProperties.get(name)))) {
                            Map<String, Object> item = new LinkedHashMap<>();
                            item.put((String) name, bad);
                            bodies.add(json(List.of(item)));
                        }
                    }
                }
            }
            return bodies;
        }
        for (Object name : properties.keySet()) {
            for (Object bad : badValues((String) name, resolve(properties.get(name)))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) base);
                body.put((String) name, bad);
                bodies.add(json(body));
            }
        }
        return bodies;
    }

    private List<Object> badValues(String name, Map<String, Object> schema) {
        List<Object> values = new ArrayList<>();
        values.add(null);
        String type = schema == null ? "string" : type(schema);
        switch (type) {
            case "integer", "number" -> {
                values.add("abc");
                values.add(new Raw("1e400"));
                values.add(new Raw("-1e400"));
                values.add(new Raw("99999999999999999999999999"));
                values.add(new Raw("2147483648"));
                values.add(-1);
                values.add(new Raw("0.0000001"));
            }
            case "boolean" -> {
                values.add("yes");
                values.add(2);
            }
            case "array" -> {
                values.add("x");
                values.add(List.of(Map.of("nested", List.of())));
                values.add(java.util.Collections.nCopies(5000, "x"));
            }
            case "object" -> {
                values.add(7);
                values.add(List.of());
                values.add(Map.of("unknown", "x"));
            }
            default -> {
                values.add(12345);
                values.add(List.of("x"));
                values.add("ก".repeat(20_000));
                values.add("../../../../etc/passwd");
                values.add("\u0000");
                values.add("' OR 1=1 --");
                values.add("NOT_A_VALUE");
                values.add("2020-13-45");
                values.add("2020-02-30T25:61:00+07:00");
            }
        }
        if (name.endsWith("Id") || name.endsWith("Ids")) {
            values.add("not-a-uuid");
            values.add(List.of("not-a-uuid"));
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Object schemaObject) {
        if (!(schemaObject instanceof Map<?, ?> schema)) {
            return null;
        }
        Object ref = schema.get("$ref");
        if (ref instanceof String reference && reference.startsWith("#/components/schemas/")) {
            Map<String, Object> components = (Map<String, Object>) document.get("components");
            Map<String, Object> schemas = (Map<String, Object>) components.get("schemas");
            return (Map<String, Object>) schemas.get(reference.substring("#/components/schemas/".length()));
        }
        return (Map<String, Object>) schema;
    }

    private static String type(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof List<?> types) {
            return types.stream().map(String::valueOf).filter(t -> !t.equals("null")).findFirst().orElse("string");
        }
        if (type == null) {
            return schema.containsKey("properties") ? "object" : "string";
        }
        return String.valueOf(type);
    }

    static String json(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Raw raw) {
            return raw.json();
        }
        if (value instanceof String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char ch : text.toCharArray()) {
                switch (ch) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    default -> {
                        if (ch < 0x20) {
                            out.append(String.format("\\u%04x", (int) ch));
                        } else {
                            out.append(ch);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            map.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(json(String.valueOf(k))).append(':').append(json(v)));
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            list.forEach(v -> out.append(out.length() > 1 ? "," : "").append(json(v)));
            return out.append(']').toString();
        }
        return json(value.toString());
    }
}
