package org.sakkaya.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A field given twice in one object is found, with its path; the same name in different objects is not twice. More after
 * the body's value, and numbers too long to be a figure, are found too.
 */
class JsonShapeTest {
    private static Optional<String> first(String json) {
        return flaw(json).map(JsonShape.Flaw::field);
    }

    private static Optional<JsonShape.Flaw> flaw(String json) {
        return JsonShape.first(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNameGivenTwiceInOneObjectIsNamedWithItsPath() {
        assertThat(first("{\"score\": 10, \"feedback\": \"ดีมาก\", \"score\": 90}")).contains("score");
        assertThat(first("{\"titleTh\":\"นาย\",\"address\":{\"line\":\"ก\",\"line\":\"ข\"}}")).contains("address.line");
        assertThat(first("{\"rubricScores\":[{\"criterionIndex\":0,\"points\":3},{\"criterionIndex\":1,\"points\":2,\"points\":4}]}"))
                .contains("rubricScores[1].points");
        assertThat(first("[{\"a\":1},[2,{\"b\":1,\"b\":2}]]")).contains("[1][1].b");
        // names compared as sent: a name in Thai, and one that differs only in case, which is another field
        assertThat(first("{\"ชื่อ\":1,\"ชื่อ\":2}")).contains("ชื่อ");
        assertThat(first("{\"Score\":1,\"score\":2}")).isEmpty();
    }

    @Test
    void theSameNameInDifferentObjectsAndBodiesThatAreNotJsonAreLeftToJsonB() {
        assertThat(first("{\"questions\":[{\"text\":\"ก\",\"points\":1},{\"text\":\"ข\",\"points\":2}],\"text\":\"ค\"}")).isEmpty();
        assertThat(first("{\"a\":{\"a\":{\"a\":1}}}")).isEmpty();
        assertThat(first("\"text\"")).isEmpty();
        assertThat(first("")).isEmpty();
        assertThat(first("{\"score\":")).isEmpty();
        assertThat(first("{\"score\":1,}")).isEmpty();
        assertThat(first("]")).isEmpty();
        assertThat(first("[".repeat(100_000))).isEmpty();
        // a body whose duplicate comes before its syntax error is refused for the duplicate, which is as true
        assertThat(first("{\"score\":1,\"score\":2,")).contains("score");
    }

    @Test
    void moreAfterTheValueIsRefusedAndWhiteSpaceIsNot() {
        assertThat(flaw("{\"title\":\"แบบทดสอบ\"}xyz")).hasValueSatisfying(f -> {
            assertThat(f.field()).isEqualTo("body");
            assertThat(f.detail()).contains("more than one JSON value");
        });
        assertThat(first("{\"title\":\"ก\"}{\"title\":\"ข\"}")).contains("body");
        assertThat(first("{\"title\":\"ก\"}{\"title\":")).contains("body");
        assertThat(first("[1,2]]]]")).contains("body");
        assertThat(first("{\"title\":\"ก\"} \r\n\t ")).isEmpty();
        assertThat(first("12 13")).contains("body");
    }

    @Test
    void aNumberTooLongToBeAFigureIsRefusedWithItsPlace() {
        String digits = "1" + "0".repeat(JsonShape.MAX_NUMBER_CHARS);
        assertThat(first("{\"weight\":" + digits + "}")).contains("weight");
        assertThat(first("{\"questions\":[{\"answer\":{\"value\":" + digits + "}}]}")).contains("questions[0].answer.value");
        assertThat(first("[1," + digits + "]")).contains("[1]");
        assertThat(first(digits)).contains("body");
        // a numeric key's longest: 20 digits either side of the point, signed, and the longest number taken
        assertThat(first("{\"value\":-12345678901234567890.12345678901234567890}")).isEmpty();
        assertThat(first("{\"value\":" + "9".repeat(JsonShape.MAX_NUMBER_CHARS) + "}")).isEmpty();
        // an exponent beyond 100 either way, however short the number
        assertThat(flaw("{\"minAttendancePercent\":1e-999999999}")).hasValueSatisfying(f -> {
            assertThat(f.field()).isEqualTo("minAttendancePercent");
            assertThat(f.message()).contains("exponent");
        });
        assertThat(first("{\"weight\":1E+101}")).contains("weight");
        assertThat(first("{\"weight\":1e0000000000000000000000000000001}")).isEmpty();
        assertThat(first("{\"weight\":[1.5e2,2E-100,3e+100,4e007]}")).isEmpty();
        assertThat(first("{\"weight\":2E-101}")).contains("weight");
        // a million digits found in one pass, not read into a number
        assertThat(first("{\"weight\":1" + "0".repeat(1_000_000) + "}")).contains("weight");
    }
}
