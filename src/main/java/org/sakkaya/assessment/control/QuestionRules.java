package org.sakkaya.assessment.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sakkaya.assessment.entity.QuestionKind;

/** What a well-formed question is: its options and its key agree with its kind. */
public final class QuestionRules {
    private QuestionRules() {
    }

    /** Why the question is malformed, or empty; {@code optionKeys} null when it has no options. */
    public static Optional<String> check(QuestionKind kind, List<String> optionKeys, JsonValue key) {
        boolean choice = kind == QuestionKind.SINGLE_CHOICE || kind == QuestionKind.MULTIPLE_CHOICE;
        if (choice) {
            if (optionKeys == null || optionKeys.size() < 2) {
                return Optional.of("options: a choice question needs at least two options");
            }
            if (new HashSet<>(optionKeys).size() != optionKeys.size()) {
                return Optional.of("options: option keys must be unique");
            }
        } else if (optionKeys != null && !optionKeys.isEmpty()) {
            return Optional.of("options: only choice questions have options");
        }
        Set<String> keys = optionKeys == null ? Set.of() : Set.copyOf(optionKeys);
        return switch (kind) {
            case SINGLE_CHOICE -> key instanceof JsonString s && keys.contains(s.getString())
                    ? Optional.empty() : Optional.of("answer: must be the key of one option");
            case MULTIPLE_CHOICE -> key instanceof JsonArray a && !a.isEmpty()
                    && a.stream().allMatch(v -> v instanceof JsonString s && keys.contains(s.getString()))
                    ? Optional.empty() : Optional.of("answer: must be a list of option keys");
            case TRUE_FALSE -> key == JsonValue.TRUE || key == JsonValue.FALSE
                    ? Optional.empty() : Optional.of("answer: must be true or false");
            case NUMERIC -> key instanceof JsonObject o && o.get("value") instanceof JsonNumber v && Scoring.takes(v.bigDecimalValue())
                    && (!o.containsKey("tolerance") || o.get("tolerance") instanceof JsonNumber t && t.bigDecimalValue().signum() >= 0
                    && Scoring.takes(t.bigDecimalValue()))
                    ? Optional.empty() : Optional.of("answer: must be {\"value\": number, \"tolerance\": number >= 0}");
            case SHORT_TEXT -> key instanceof JsonArray a && !a.isEmpty()
                    && a.stream().allMatch(v -> v instanceof JsonString s && !Scoring.normalize(s.getString()).isEmpty())
                    ? Optional.empty() : Optional.of("answer: must be a list of accepted answers");
        };
    }
}
