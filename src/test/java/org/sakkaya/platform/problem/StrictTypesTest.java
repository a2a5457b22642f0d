package org.sakkaya.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonValue;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Values of another type than their field's are named with their place; what JSON-B reads as sent passes. */
class StrictTypesTest {
    enum Kind { QUIZ, ASSIGNMENT }

    record Option(String key, String text) {
    }

    record Question(String prompt, BigDecimal points, List<Option> options, JsonValue answer) {
    }

    record Assessment(Kind kind, String title, Integer maxAttempts, Boolean open, OffsetDateTime closesAt,
                      List<String> questionIds, List<Question> questions) {
    }

    record Answer(String questionId, JsonValue answer) {
    }

    private static Optional<FieldError> first(String json, Type type) {
        return StrictTypes.first(json.getBytes(StandardCharsets.UTF_8), type);
    }

    @Test
    void aValueOfAnotherTypeIsNamedWithItsPlace() {
        assertThat(first("{\"title\":true}", Assessment.class)).contains(new FieldError("title", "must be text"));
        assertThat(first("{\"title\":5}", Assessment.class)).contains(new FieldError("title", "must be text"));
        assertThat(first("{\"title\":[\"ก\"]}", Assessment.class)).contains(new FieldError("title", "must be text"));
        assertThat(first("{\"kind\":1}", Assessment.class)).contains(new FieldError("kind", "must be one of QUIZ, ASSIGNMENT"));
        assertThat(first("{\"closesAt\":20261127}", Assessment.class))
                .contains(new FieldError("closesAt", "must be a date or time as API.md writes them"));
        assertThat(first("{\"maxAttempts\":[1]}", Assessment.class)).contains(new FieldError("maxAttempts", "must be a number"));
        assertThat(first("{\"open\":{}}", Assessment.class)).contains(new FieldError("open", "must be true or false"));
        assertThat(first("{\"questionIds\":\"a\"}", Assessment.class)).contains(new FieldError("questionIds", "must be an array"));
        assertThat(first("{\"questionIds\":[\"a\",7]}", Assessment.class)).contains(new FieldError("questionIds[1]", "must be text"));
        assertThat(first("{\"questions\":[{\"prompt\":\"ก\"},{\"prompt\":[\"a\"]}]}", Assessment.class))
                .contains(new FieldError("questions[1].prompt", "must be text"));
        assertThat(first("{\"questions\":[{\"options\":[{\"key\":\"a\",\"text\":[\"x\"]}]}]}", Assessment.class))
                .contains(new FieldError("questions[0].options[0].text", "must be text"));
        assertThat(first("{\"questions\":[1]}", Assessment.class)).contains(new FieldError("questions[0]", "must be an object"));
        // a sheet of answers: the body itself is the list
        assertThat(first("[{\"questionId\":1,\"answer\":\"b\"}]", Answers.TYPE)).contains(new FieldError("[0].questionId", "must be text"));
        assertThat(first("{\"questionId\":\"a\"}", Answers.TYPE)).contains(new FieldError("body", "must be an array"));
    }

    @Test
    void whatJsonBReadsAsSentPasses() {
        assertThat(first("{\"kind\":\"QUIZ\",\"title\":\"แบบทดสอบ\",\"maxAttempts\":2,\"open\":true,\"closesAt\":\"2026-11-27T10:00:00+07:00\","
                + "\"questionIds\":[],\"questions\":[{\"prompt\":\"ก\",\"points\":1.5,\"options\":null,\"answer\":{\"value\":1}}]}",
                Assessment.class)).isEmpty();
        // numbers and true/false as text (forms send them so; their own checks read them), nulls, unknown names
        assertThat(first("{\"maxAttempts\":\"2\",\"open\":\"true\",\"title\":null,\"other\":[1]}", Assessment.class)).isEmpty();
        // an answer takes any JSON
        assertThat(first("[{\"questionId\":\"a\",\"answer\":[\"a\",\"c\"]},{\"questionId\":\"b\",\"answer\":12.5}]", Answers.TYPE)).isEmpty();
        // not JSON: left to JSON-B
        assertThat(first("{\"title\":", Assessment.class)).isEmpty();
    }

    /** {@code List<Answer>} as a resource method's parameter has it. */
    static final class Answers {
        static final Type TYPE;

        static {
            try {
                TYPE = Answers.class.getDeclaredMethod("take", List.class).getGenericParameterTypes()[0];
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }

        @SuppressWarnings("unused")
        private static void take(List<Answer> answers) {
        }
    }
}
