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
 * The first field of a JSON body given twice in one object ({@code {"score": 10, "score": 90}}), with its path. JSON-B
 * kept the last of the two without a word, so a body read one way by a proxy or a log (the first value) was saved
 * another way by the service (RFC 8259 leaves the meaning open; I-JSON, RFC 7493, refuses such bodies, as this does).
 */
final class DuplicateNames {
    private DuplicateNames() {
    }

    /** The path of the first name given twice in the same object; empty when none is, or the body is not JSON. */
    static Optional<String> first(byte[] body) {
        Deque<Level> levels = new ArrayDeque<>();
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
                            return Optional.of(object.path.isEmpty() ? object.name : object.path + "." + object.name);
                        }
                    }
                    default -> placeIn(levels); // a plain value: the next place of an array
                }
            }
        } catch (RuntimeException notJson) {
            // not JSON, or nested deeper than the parser goes (a plain RuntimeException of Parsson's): JSON-B says
            // what is wrong with it when it reads it
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
