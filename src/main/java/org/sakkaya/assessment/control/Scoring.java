package org.sakkaya.assessment.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.sakkaya.assessment.entity.QuestionKind;
import org.sakkaya.platform.ThaiText;

/**
 * Points for one answer. The rules, as trainees are told them:
 * <ul>
 * <li>single choice and true/false: all the points for the right answer, none otherwise;</li>
 * <li>multiple choice: points x (right options chosen - wrong options chosen) / right options, never below zero,
 * so choosing everything earns nothing;</li>
 * <li>numeric: all the points when the answer is within the tolerance of the key;</li>
 * <li>short text: all the points when the answer equals an accepted answer after Thai-safe normalisation
 * (see {@link #normalize}: the ways one Thai answer is typed on different keyboards compare equal).</li>
 * </ul>
 * A missing or malformed answer earns nothing; it is never an error at grading time.
 */
public final class Scoring {
    /** The most digits a number in a numeric question, its key or its answer has, and places either side of the point. */
    public static final int MAX_DIGITS = 20;

    // compiled once: every short answer and every accepted answer of a submit is normalised
    private static final Pattern SPACES = Pattern.compile("[\\p{Z}\\s]+");
    /** A number as typed in a text field: digits with a point, no exponent. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    /** The same with thousands set off by commas. */
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");

    private Scoring() {
    }

    public static BigDecimal points(QuestionKind kind, JsonValue key, BigDecimal points, JsonValue answer) {
        if (answer == null || answer.getValueType() == JsonValue.ValueType.NULL) {
            return BigDecimal.ZERO;
        }
        BigDecimal fraction = switch (kind) {
            case SINGLE_CHOICE -> same(text(key), text(answer)) ? BigDecimal.ONE : BigDecimal.ZERO;
            case TRUE_FALSE -> key.equals(trueOrFalse(answer)) ? BigDecimal.ONE : BigDecimal.ZERO;
            case MULTIPLE_CHOICE -> multiple(key, answer);
            case NUMERIC -> numeric(key, answer);
            case SHORT_TEXT -> shortText(key, answer);
        };
        return points.multiply(fraction).setScale(4, RoundingMode.HALF_UP);
    }

    /**
     * What is wrong with the shape of an answer to a question of this kind, or null when nothing is: an answer of
     * another shape (the text "true", a single choice sent as a list) was saved and scored 0 without a word.
     */
    public static String shapeProblem(QuestionKind kind, JsonValue answer) {
        if (answer == null || answer.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return switch (kind) {
            case SINGLE_CHOICE -> answer instanceof JsonString ? null : "must be the key of one option, as text";
            case MULTIPLE_CHOICE -> answer instanceof JsonArray chosen && chosen.stream().allMatch(JsonString.class::isInstance)
                    ? null : "must be an array of option keys";
            case TRUE_FALSE -> trueOrFalse(answer) != null ? null : "must be true or false";
            // text that holds no number is saved as typed and earns nothing (the README's rule for numeric answers)
            case NUMERIC -> answer instanceof JsonNumber || answer instanceof JsonString ? null : "must be a number, or text holding one";
            case SHORT_TEXT -> answer instanceof JsonString ? null : "must be a text";
        };
    }

    /** Text of nothing but spaces (of any kind) or zero-width characters: no answer, as a form's empty box sends it. */
    public static boolean blank(JsonValue answer) {
        return answer instanceof JsonString text && normalize(text.getString()).isEmpty();
    }

    /**
     * A true/false answer as the JSON value it means: {@code true} or {@code false}, or the text of either as a web
     * form posts a radio button's value (any case, spaces around it); null for anything else.
     */
    public static JsonValue trueOrFalse(JsonValue answer) {
        if (answer == JsonValue.TRUE || answer == JsonValue.FALSE) {
            return answer;
        }
        if (answer != null && answer.getValueType() == JsonValue.ValueType.TRUE) {
            return JsonValue.TRUE;
        }
        if (answer != null && answer.getValueType() == JsonValue.ValueType.FALSE) {
            return JsonValue.FALSE;
        }
        if (answer instanceof JsonString text) {
            String word = text.getString().strip();
            return word.equalsIgnoreCase("true") ? JsonValue.TRUE : word.equalsIgnoreCase("false") ? JsonValue.FALSE : null;
        }
        return null;
    }

    /**
     * How short answers are compared: NFC; one sara am; a tone mark typed before its vowel put after it; Thai digits
     * as Arabic ones; zero-width characters dropped; every kind of space (no-break, ideographic) trimmed and inner runs
     * made one; lower case.
     */
    public static String normalize(String text) {
        String thai = ThaiText.visible(text);
        StringBuilder digits = new StringBuilder(thai.length());
        thai.codePoints().forEach(c -> digits.appendCodePoint(c >= 0x0E50 && c <= 0x0E59 ? '0' + (c - 0x0E50) : c));
        return SPACES.matcher(digits).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    private static BigDecimal multiple(JsonValue key, JsonValue answer) {
        if (!(answer instanceof JsonArray chosenArray) || !(key instanceof JsonArray rightArray) || rightArray.isEmpty()) {
            return BigDecimal.ZERO;
        }
        Set<String> right = strings(rightArray);
        Set<String> chosen = strings(chosenArray);
        long hits = chosen.stream().filter(right::contains).count();
        long misses = chosen.size() - hits;
        long net = Math.max(0, hits - misses);
        return BigDecimal.valueOf(net).divide(BigDecimal.valueOf(right.size()), 6, RoundingMode.HALF_UP);
    }

    private static BigDecimal numeric(JsonValue key, JsonValue answer) {
        BigDecimal answered = number(answer);
        if (!(key instanceof JsonObject k) || answered == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal value = k.getJsonNumber("value").bigDecimalValue();
        BigDecimal tolerance = k.containsKey("tolerance") ? k.getJsonNumber("tolerance").bigDecimalValue() : BigDecimal.ZERO;
        if (!takes(answered)) {
            return BigDecimal.ZERO;
        }
        // rounded to 34 digits: an exact difference of numbers whose exponents lie far apart has as many digits as the
        // distance, and 1e-99999999 took minutes of a thread holding the attempt's lock
        return answered.subtract(value, MathContext.DECIMAL128).abs().compareTo(tolerance) <= 0 ? BigDecimal.ONE : BigDecimal.ZERO;
    }

    /**
     * A numeric answer as sent: a JSON number, or text holding one as a text field sends it, in Arabic or Thai digits
     * (๘๔), with thousands set off by commas (1,250) and spaces around it. Null for anything else, which earns
     * nothing: the text "๘๔" scored 0 against a key of 84 while the same answer typed as a short text counted.
     */
    public static BigDecimal number(JsonValue answer) {
        if (answer instanceof JsonNumber given) {
            return given.bigDecimalValue();
        }
        if (!(answer instanceof JsonString given) || given.getString().length() > 100) {
            return null;
        }
        // read as short answers are (Thai digits as Arabic, spaces of every kind around it and zero-width characters
        // dropped: pasted text has them); lower case changes nothing a number may hold
        String arabic = normalize(given.getString());
        String text = GROUPED.matcher(arabic).matches() ? arabic.replace(",", "") : arabic;
        if (!PLAIN_NUMBER.matcher(text).matches()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Whether a number is one a numeric question or its key takes: at most {@value #MAX_DIGITS} significant digits and
     * no more than {@value #MAX_DIGITS} places either side of the point. Anything further is a typo or an attack, and
     * arithmetic on it costs time in proportion to its exponent.
     */
    public static boolean takes(BigDecimal number) {
        return number.precision() <= MAX_DIGITS && Math.abs(number.scale()) <= MAX_DIGITS;
    }


    private static BigDecimal shortText(JsonValue key, JsonValue answer) {
        if (!(answer instanceof JsonString given) || !(key instanceof JsonArray accepted)) {
            return BigDecimal.ZERO;
        }
        String normalized = normalize(given.getString());
        // an answer that is only spacing answers nothing, whatever a key saved before keys were checked so holds
        return !normalized.isEmpty()
                && accepted.getValuesAs(JsonString.class).stream().anyMatch(a -> normalize(a.getString()).equals(normalized))
                ? BigDecimal.ONE : BigDecimal.ZERO;
    }

    private static boolean same(String a, String b) {
        return a != null && a.equals(b);
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : null;
    }

    private static Set<String> strings(JsonArray array) {
        Set<String> values = new HashSet<>();
        for (JsonValue v : array) {
            if (v instanceof JsonString s) {
                values.add(s.getString());
            }
        }
        return values;
    }
}
