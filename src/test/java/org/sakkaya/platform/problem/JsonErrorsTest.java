package org.sakkaya.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.JsonbException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The messages below are Yasson's (Payara's JSON-B), as it threw them for these bodies. */
class JsonErrorsTest {
    @Test
    void aValueOfTheWrongTypeNamesItsFieldWithItsPathAndWhatItMustBe() {
        var wrapped = new JsonbException("Unable to deserialize property 'inner' because of: Unable to deserialize property 'n' "
                + "because of: Error deserialize JSON value into type: class java.lang.Integer.",
                new JsonbException("Unable to deserialize property 'n' because of: Error deserialize JSON value into type: class java.lang.Integer.",
                        new JsonbException("Error deserialize JSON value into type: class java.lang.Integer.", new NumberFormatException("x"))));
        assertThat(JsonErrors.field(wrapped, null)).contains(new FieldError("inner.n", "must be a whole number"));
        var list = new JsonbException("Unable to deserialize property 'competencies' because of: Incorrect position for processing type: "
                + "interface java.util.List. Received event: VALUE_STRING Allowed: [START_ARRAY]",
                new JsonbException("Incorrect position for processing type: interface java.util.List. Received event: VALUE_STRING Allowed: [START_ARRAY]"));
        assertThat(JsonErrors.field(list, null)).contains(new FieldError("competencies", "must be an array"));
        // our own deserializers say it in words
        var bool = new JsonbException("Unable to deserialize property 'completed' because of: Not true or false: ใช่",
                new JsonbException("Not true or false: ใช่"));
        assertThat(JsonErrors.field(bool, null)).contains(new FieldError("completed", "must be true or false"));
        var whole = new JsonbException("Unable to deserialize property 'capacity' because of: x",
                new JsonbException("Not a whole number between -2147483648 and 2147483647: 40.5"));
        assertThat(JsonErrors.field(whole, null))
                .contains(new FieldError("capacity", "must be a whole number between -2147483648 and 2147483647"));
    }

    @Test
    void anUnknownEnumValueIsFoundInTheBodyAndTheAllowedValuesAreListed() {
        var e = new JsonbException("Internal error: No enum constant org.sakkaya.platform.problem.JsonErrorsTest.Track.BOGUS",
                new IllegalArgumentException("No enum constant org.sakkaya.platform.problem.JsonErrorsTest.Track.BOGUS"));
        byte[] body = "{\"code\":\"BOGUS1\",\"plan\":{\"items\":[{\"track\":\"BOGUS\"}]}}".getBytes(StandardCharsets.UTF_8);
        assertThat(JsonErrors.field(e, body)).contains(new FieldError("plan.items[0].track", "must be one of DATA_SCIENCE, PR_CONTENT"));
        // without the body the field is the body
        assertThat(JsonErrors.field(e, null)).contains(new FieldError("body", "must be one of DATA_SCIENCE, PR_CONTENT"));
    }

    @Test
    void invalidJsonNamesNoField() {
        assertThat(JsonErrors.field(new JsonbException("Unexpected char 125 at (line no=1, column no=12, offset=11)"), null)).isEmpty();
        assertThat(JsonErrors.pathOf("{not json".getBytes(StandardCharsets.UTF_8), "x")).isEmpty();
    }

    enum Track { DATA_SCIENCE, PR_CONTENT }
}
