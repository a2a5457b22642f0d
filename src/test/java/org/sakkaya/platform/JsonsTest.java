package org.sakkaya.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonsTest {
    @Test
    void parsesEveryKindOfValueAndWritesWhatItRead() {
        assertThat(Jsons.parse("\"ข้อมูล\"").toString()).isEqualTo("\"ข้อมูล\"");
        assertThat(Jsons.parse("true")).isEqualTo(JsonValue.TRUE);
        assertThat(Jsons.parse("12.5").toString()).isEqualTo("12.5");
        assertThat(Jsons.parse("[\"a\",\"c\"]").asJsonArray().getString(1)).isEqualTo("c");
        assertThat(Jsons.parse("{\"value\":84,\"tolerance\":0.5}").asJsonObject().getJsonNumber("value").intValue()).isEqualTo(84);
    }

    @Test
    void buildsObjectsAndArrays() {
        String json = Jsons.array().add(Jsons.object().add("questionId", "q1").add("options", Jsons.array(List.of("c", "a")))).build().toString();
        assertThat(json).isEqualTo("[{\"questionId\":\"q1\",\"options\":[\"c\",\"a\"]}]");
        assertThat(Jsons.parse(json).asJsonArray().getJsonObject(0).getJsonArray("options").getString(0)).isEqualTo("c");
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThatThrownBy(() -> Jsons.parse("{\"a\":")).isInstanceOf(JsonParsingException.class);
    }
}
