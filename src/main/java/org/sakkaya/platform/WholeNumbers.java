package org.sakkaya.platform;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * The API's JSON binding, with whole numbers read exactly: JSON-B read a number into an {@code Integer} field as
 * {@code intValue()} does, so a cohort's {@code capacity} of 4294967336 was stored as 40, and 40.99 as 40, both
 * answered 200. A number that is not whole, or does not fit the field, is now refused (400, as malformed JSON); 40.0
 * and 1e1 are the whole numbers they write. A true/false field takes a JSON boolean (or the text "true" or "false", in
 * any case, as query flags do): "yes", "ใช่" and 1 were read as false, so that a cohort meant to open its enrolment
 * closed it, answered 200.
 */
@Provider
public class WholeNumbers implements ContextResolver<Jsonb> {
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withDeserializers(new WholeInteger(), new WholeLong(), new StrictBoolean()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    /**
     * The value the parser is at, as a number: a JSON number, or a string holding one; null for null. (Payara's JSON-B
     * hands deserializers a parser without {@code currentEvent()}; {@code getValue()} reads the current value.)
     */
    static BigDecimal number(JsonParser parser) {
        JsonValue value = parser.getValue();
        switch (value.getValueType()) {
            case NULL:
                return null;
            case NUMBER:
                return ((JsonNumber) value).bigDecimalValue();
            case STRING:
                try {
                    return new BigDecimal(((JsonString) value).getString().strip());
                } catch (NumberFormatException notANumber) {
                    throw new JsonbException("Not a number: " + ((JsonString) value).getString());
                }
            default:
                throw new JsonbException("A number was expected, not " + value.getValueType());
        }
    }

    static final class WholeInteger implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            BigDecimal value = number(parser);
            try {
                return value == null ? null : value.intValueExact();
            } catch (ArithmeticException e) {
                throw new JsonbException("Not a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE + ": " + value);
            }
        }
    }

    static final class WholeLong implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            BigDecimal value = number(parser);
            try {
                return value == null ? null : value.longValueExact();
            } catch (ArithmeticException e) {
                throw new JsonbException("Not a whole number between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE + ": " + value);
            }
        }
    }

    static final class StrictBoolean implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            switch (value.getValueType()) {
                case NULL:
                    return null;
                case TRUE:
                    return Boolean.TRUE;
                case FALSE:
                    return Boolean.FALSE;
                case STRING:
                    String text = ((JsonString) value).getString().strip();
                    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                        return Boolean.valueOf(text.equalsIgnoreCase("true"));
                    }
                    throw new JsonbException("Not true or false: " + ((JsonString) value).getString());
                default:
                    throw new JsonbException("true or false was expected, not " + value);
            }
        }
    }
}
