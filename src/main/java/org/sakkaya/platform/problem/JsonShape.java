package org.sakkaya.platform.problem;

import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.sakkaya.platform.Jsons;

/**
 * What JSON-B would read without a word but must not, found in one pass over a JSON body before it is read:
 * <ul>
 * <li>a field given twice in one object ({@code {"score": 10, "score": 90}}), with its path: JSON-B kept the last of
 * the two, so a body read one way by a proxy or a log (the first value) was saved another way by the service (RFC 8259
 * leaves the meaning open; I-JSON, RFC 7493, refuses such bodies, as this does);</li>
 * <li>anything but white space after the body's value ({@code {...}xyz}, a second object): JSON-B read the first value
 * and dropped the rest, so a body cut or joined on the way was taken as whole;</li>
 * <li>a number of more than {@value #MAX_NUMBER_CHARS} characters, or with an exponent beyond {@value #MAX_EXPONENT}
 * either way: no figure Sakkaya takes needs either; reading one of a million digits into a {@code BigDecimal} took
 * 30 s of a core, its time growing with the square of its length (a trainer's token was enough), and
 * {@code 1e-999999999}, written out as text by the database driver, filled the heap (found by a probe and a review of
 * the fourteenth session).</li>
 * </ul>
 */
final class JsonShape {
    /** The longest number taken, sign, point and exponent included: a numeric key has at most 20 digits either side. */
    static final int MAX_NUMBER_CHARS = 100;

    /**
     * The largest exponent taken, either way: {@code 1e-999999999} is 12 characters but a billion places, and writing it
     * out as text (the database driver does, to send it) filled a 2 GB heap.
     */
    static final int MAX_EXPONENT = 100;

    private JsonShape() {
    }

    /** Whether a JSON number's exponent, if it has one, is within {@link #MAX_EXPONENT} either way. */
    static boolean exponentWithin(String number) {
        int e = Math.max(number.indexOf('e'), number.indexOf('E'));
        if (e < 0) {
            return true;
        }
        String digits = number.substring(e + 1).replaceFirst("^[+-]", "").replaceFirst("^0+(?=\\d)", "");
        return digits.length() <= 3 && Integer.parseInt(digits) <= MAX_EXPONENT;
    }

    /** Why the body is refused, with the field to name: its {@code field}, {@code message} and the answer's detail. */
    record Flaw(String field, String message, String detail) {
    }

    /** The first flaw of the body; empty when it has none, or is not JSON (JSON-B says what is wrong with that). */
    static Optional<Flaw> first(byte[] body) {
        Deque<Level> levels = new ArrayDeque<>();
        boolean read = false; // the body's value read whole: anything after it is a flaw
        try (JsonParser parser = Jsons.parser(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT -> levels.push(new Level(placeIn(levels), new HashSet<>()));
                    case START_ARRAY -> levels.push(new Level(placeIn(levels), null));
                    case END_OBJECT, END_ARRAY -> levels.pop();
                    case KEY_NAME -> {
                        Level object = levels.peek();
                        if (object == null || object.names == null) {
                            continue; // not reached: the parser gives names inside objects only
                        }
                        object.name = parser.getString();
                        if (!object.names.add(object.name)) {
                            return Optional.of(new Flaw(object.path.isEmpty() ? object.name : object.path + "." + object.name,
                                    "is given twice; send each field once", "A field is given twice in one object"));
                        }
                    }
                    case VALUE_NUMBER -> {
                        String place = placeIn(levels);
                        String number = parser.getString();
                        if (number.length() > MAX_NUMBER_CHARS) {
                            return Optional.of(new Flaw(place.isEmpty() ? "body" : place, "has more than " + MAX_NUMBER_CHARS
                                    + " characters; no figure needs so many", "A number is too long"));
                        }
                        if (!exponentWithin(number)) {
                            return Optional.of(new Flaw(place.isEmpty() ? "body" : place, "has an exponent beyond "
                                    + MAX_EXPONENT + " either way; no figure needs one", "A number is too long"));
                        }
                    }
                    default -> placeIn(levels); // a plain value: the next place of an array
                }
                read = levels.isEmpty();
            }
        } catch (RuntimeException notJson) {
            // not JSON, or nested deeper than the parser goes (a plain RuntimeException of Parsson's): JSON-B says
            // what is wrong with it when it reads it; but a whole value followed by more is this check's to refuse
            if (read) {
                return Optional.of(new Flaw("body", "has more after its JSON value; send one JSON value",
                        "The body holds more than one JSON value"));
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The path of the value that starts now: the name just read in an object, or the next place in an array (counted
     * as it is taken).
     */
    private static String placeIn(Deque<Level> levels) {
        Level parent = levels.peek();
        if (parent == null) {
            return "";
        }
        if (parent.names != null) {
            return parent.path.isEmpty() ? parent.name : parent.path + "." + parent.name;
        }
        return parent.path + "[" + parent.index++ + "]";
    }

    /** An object being read (its names so far, and the last), or an array (the places taken). */
    private static final class Level {
        final String path;
        final Set<String> names;
        String name;
        int index;

        Level(String path, Set<String> names) {
            this.path = path;
            this.names = names;
        }
    }
}
