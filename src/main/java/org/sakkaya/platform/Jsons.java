package org.sakkaya.platform;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.Reader;
import java.io.StringReader;
import java.util.Collection;

/**
 * JSON-P through one provider, looked up once. The static methods of {@code jakarta.json.Json} look the provider up
 * again on every call, with a {@code ServiceLoader} that scans the application's class path: in the deadline-quiz
 * benchmark (issue 7, scenario 2) that lookup was more than half of the service's CPU, since every attempt parses its
 * layout, its answers and its questions' options. Use these instead of {@code Json.createReader} and the builders.
 */
public final class Jsons {
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsons() {
    }

    /** The class of the provider found: what {@code -Djakarta.json.provider} should name for Payara's own JSON calls. */
    public static String providerClassName() {
        return PROVIDER.getClass().getName();
    }

    /** The JSON value the text holds. */
    public static JsonValue parse(String json) {
        try (JsonReader reader = PROVIDER.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    /** A streaming parser of the JSON text. */
    public static JsonParser parser(Reader text) {
        return PROVIDER.createParser(text);
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    /** An array builder holding the values given (strings, numbers, booleans, JSON values). */
    public static JsonArrayBuilder array(Collection<?> values) {
        return PROVIDER.createArrayBuilder(values);
    }
}
