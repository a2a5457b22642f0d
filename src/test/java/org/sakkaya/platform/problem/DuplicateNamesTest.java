package org.sakkaya.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A field given twice in one object is found, with its path; the same name in different objects is not twice. */
class DuplicateNamesTest {
    private static Optional<String> first(String json) {
        return DuplicateNames.first(json.getBytes(StandardCharsets.UTF_8));
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
}
