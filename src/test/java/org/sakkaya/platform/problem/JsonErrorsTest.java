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
    void onlyWhatJsonBAllowsSaysWhatTheFieldMustBeAndAPathThroughAnArrayHasItsPlaces() {
        // "Received event: START_ARRAY Allowed: [START_OBJECT]" wants an object, not an array
        var object = new JsonbException("Unable to deserialize property 'inner' because of: Incorrect position for processing type: "
                + "class X$Inner. Received event: START_ARRAY Allowed: [START_OBJECT]",
                new JsonbException("Incorrect position for processing type: class X$Inner. Received event: START_ARRAY Allowed: [START_OBJECT]"));
        assertThat(JsonErrors.field(object, null)).contains(new FieldError("inner", "must be an object"));
        var single = new JsonbException("Unable to deserialize property 'code' because of: Incorrect position",
                new JsonbException("Incorrect position for processing type: class java.lang.String. Received event: START_OBJECT "
                        + "Allowed: [VALUE_FALSE, VALUE_TRUE, VALUE_NUMBER, VALUE_STRING, VALUE_NULL]"));
        assertThat(JsonErrors.field(single, null).orElseThrow().message()).startsWith("must be a single value");
        // Yasson names rubricScores and points; the body says which of the scores
        var points = new JsonbException("Unable to deserialize property 'rubricScores' because of: Unable to deserialize property "
                + "'criterionIndex' because of: x", new JsonbException("Not a number: สอง"));
        byte[] grade = "{\"rubricScores\":[{\"criterionIndex\":0,\"points\":1},{\"criterionIndex\":\"1\",\"points\":1},{\"criterionIndex\":\"สอง\",\"points\":2}]}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(JsonErrors.field(points, grade)).contains(new FieldError("rubricScores[2].criterionIndex", "must be a whole number"));
        // a body that is an array (an attendance sheet)
        var status = new JsonbException("Unable to deserialize property 'status' because of: Incorrect position",
                new JsonbException("Incorrect position for processing type: class X$K. Received event: START_OBJECT "
                        + "Allowed: [VALUE_FALSE, VALUE_TRUE, VALUE_NUMBER, VALUE_STRING, VALUE_NULL]"));
        byte[] sheet = "[{\"personId\":\"a\",\"status\":\"PRESENT\"},{\"personId\":\"b\",\"status\":{}}]".getBytes(StandardCharsets.UTF_8);
        assertThat(JsonErrors.field(status, sheet).orElseThrow().field()).isEqualTo("[1].status");
    }

    @Test
    void anUnknownEnumValueIsFoundInTheBodyAndTheAllowedValuesAreListed() {
        var e = new JsonbException("Internal error: No enum constant org.sakkaya.platform.problem.JsonErrorsTest.Track.BOGUS",
                new IllegalArgumentException("No enum constant org.sakkaya.platform.problem.JsonErrorsTest.Track.BOGUS"));
        byte[] body = "{\"code\":\"BOGUS\",\"plan\":{\"items\":[{\"track\":\"BOGUS\"}]}}".getBytes(StandardCharsets.UTF_8);
        // the property the enum is named after, though another holds the same text first
        assertThat(JsonErrors.field(e, body)).contains(new FieldError("plan.items[0].track", "must be one of DATA_SCIENCE, PR_CONTENT"));
        // without the body the field is the body
        assertThat(JsonErrors.field(e, null)).contains(new FieldError("body", "must be one of DATA_SCIENCE, PR_CONTENT"));
        // a value with dots in it, and a number
        var dotted = new JsonbException("Internal error", new IllegalArgumentException(
                "No enum constant org.sakkaya.platform.problem.JsonErrorsTest.Track.a.b"));
        assertThat(JsonErrors.field(dotted, "{\"track\":\"a.b\"}".getBytes(StandardCharsets.UTF_8)))
                .contains(new FieldError("track", "must be one of DATA_SCIENCE, PR_CONTENT"));
        var number = new JsonbException("Internal error", new IllegalArgumentException(
                "No enum constant org.sakkaya.platform.problem.JsonErrorsTest.Track.1"));
        assertThat(JsonErrors.field(number, "{\"n\":2,\"track\":1}".getBytes(StandardCharsets.UTF_8)))
                .contains(new FieldError("track", "must be one of DATA_SCIENCE, PR_CONTENT"));
        // an enum not ours is not looked up
        var foreign = new JsonbException("Internal error", new IllegalArgumentException("No enum constant java.time.DayOfWeek.X"));
        assertThat(JsonErrors.field(foreign, null)).contains(new FieldError("body", "has a value that is not one of its kind"));
    }

    @Test
    void aBodyOfTheWrongShapeIsNamedAsTheBody() {
        // {} where the attendance sheet is an array
        var e = new JsonbException("Incorrect position for processing type: interface java.util.List. Received event: START_OBJECT "
                + "Allowed: [START_ARRAY]");
        assertThat(JsonErrors.field(e, "{}".getBytes(StandardCharsets.UTF_8))).contains(new FieldError("body", "must be an array"));
        // an element of the sheet that is not an object is that element, not the body
        var element = new JsonbException("Incorrect position for processing type: class X$Entry. Received event: VALUE_NUMBER "
                + "Allowed: [START_OBJECT]");
        assertThat(JsonErrors.field(element, "[{\"personId\":\"x\"},1]".getBytes(StandardCharsets.UTF_8)))
                .contains(new FieldError("[1]", "must be an object"));
        assertThat(JsonErrors.field(element, null)).isEmpty();
    }

    @Test
    void invalidJsonNamesNoField() {
        assertThat(JsonErrors.field(new JsonbException("Unexpected char 125 at (line no=1, column no=12, offset=11)"), null)).isEmpty();
        assertThat(JsonErrors.field(new JsonbException("Unable to deserialize property 'a' because of: y"), "{not json".getBytes(StandardCharsets.UTF_8)))
                .contains(new FieldError("a", "has a value of the wrong type"));
    }

    enum Track { DATA_SCIENCE, PR_CONTENT }
}
