package org.sakkaya.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sakkaya.assessment.control.FinalScore;
import org.sakkaya.assessment.control.QuestionRules;
import org.sakkaya.assessment.control.Scoring;
import org.sakkaya.assessment.entity.GradingRule;
import org.sakkaya.assessment.entity.QuestionKind;

class ScoringTest {
    private static final BigDecimal FOUR = new BigDecimal("4");

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static BigDecimal score(QuestionKind kind, String key, String answer) {
        return Scoring.points(kind, json(key), FOUR, answer == null ? null : json(answer)).stripTrailingZeros();
    }

    @Test
    void singleChoiceAndTrueFalseAreAllOrNothing() {
        assertThat(score(QuestionKind.SINGLE_CHOICE, "\"b\"", "\"b\"")).isEqualByComparingTo("4");
        assertThat(score(QuestionKind.SINGLE_CHOICE, "\"b\"", "\"a\"")).isEqualByComparingTo("0");
        assertThat(score(QuestionKind.TRUE_FALSE, "true", "true")).isEqualByComparingTo("4");
        // the text of either, as a web form posts a radio button's value, is what it says (it scored 0)
        assertThat(score(QuestionKind.TRUE_FALSE, "true", "\"true\"")).isEqualByComparingTo("4");
        assertThat(score(QuestionKind.TRUE_FALSE, "false", "\" FALSE \"")).isEqualByComparingTo("4");
        assertThat(score(QuestionKind.TRUE_FALSE, "true", "\"ใช่\"")).isEqualByComparingTo("0");
    }

    @Test
    void anAnswerOfAnotherShapeThanItsQuestionTakesIsNamed() {
        assertThat(Scoring.shapeProblem(QuestionKind.TRUE_FALSE, json("\"true\""))).isNull();
        assertThat(Scoring.shapeProblem(QuestionKind.TRUE_FALSE, json("\"ใช่\""))).isEqualTo("must be true or false");
        assertThat(Scoring.shapeProblem(QuestionKind.TRUE_FALSE, json("1"))).isNotNull();
        assertThat(Scoring.shapeProblem(QuestionKind.SINGLE_CHOICE, json("[\"b\"]"))).isNotNull();
        assertThat(Scoring.shapeProblem(QuestionKind.MULTIPLE_CHOICE, json("\"a\""))).isNotNull();
        assertThat(Scoring.shapeProblem(QuestionKind.MULTIPLE_CHOICE, json("[\"a\", 2]"))).isNotNull();
        assertThat(Scoring.shapeProblem(QuestionKind.MULTIPLE_CHOICE, json("[]"))).isNull();
        assertThat(Scoring.shapeProblem(QuestionKind.NUMERIC, json("\"๘๔\""))).isNull();
        // numeric text that holds no number is saved as typed and earns nothing; an object is no answer to it
        assertThat(Scoring.shapeProblem(QuestionKind.NUMERIC, json("\"แปดสิบสี่\""))).isNull();
        assertThat(Scoring.shapeProblem(QuestionKind.NUMERIC, json("{\"value\":84}"))).isNotNull();
        assertThat(Scoring.blank(json("\" \u00a0\u200b \""))).isTrue();
        assertThat(Scoring.blank(json("\"ก\""))).isFalse();
        assertThat(Scoring.shapeProblem(QuestionKind.SHORT_TEXT, json("42"))).isEqualTo("must be a text");
        assertThat(Scoring.shapeProblem(QuestionKind.SHORT_TEXT, json("null"))).as("an answer taken back").isNull();
    }

    @Test
    void multipleChoiceGivesPartialCreditAndPunishesGuessing() {
        assertThat(score(QuestionKind.MULTIPLE_CHOICE, "[\"a\",\"c\"]", "[\"a\",\"c\"]")).isEqualByComparingTo("4");
        assertThat(score(QuestionKind.MULTIPLE_CHOICE, "[\"a\",\"c\"]", "[\"a\"]")).isEqualByComparingTo("2");
        assertThat(score(QuestionKind.MULTIPLE_CHOICE, "[\"a\",\"c\"]", "[\"a\",\"b\"]")).isEqualByComparingTo("0");
        assertThat(score(QuestionKind.MULTIPLE_CHOICE, "[\"a\",\"c\"]", "[\"a\",\"b\",\"c\",\"d\"]")).isEqualByComparingTo("0");
        assertThat(score(QuestionKind.MULTIPLE_CHOICE, "[\"a\",\"b\",\"c\"]", "[\"a\",\"b\",\"d\"]")).isEqualByComparingTo("1.3333");
    }

    @Test
    void numericAnswersWithinTheToleranceCount() {
        assertThat(score(QuestionKind.NUMERIC, "{\"value\":84,\"tolerance\":0.5}", "84.4")).isEqualByComparingTo("4");
        assertThat(score(QuestionKind.NUMERIC, "{\"value\":84,\"tolerance\":0.5}", "84.6")).isEqualByComparingTo("0");
        assertThat(score(QuestionKind.NUMERIC, "{\"value\":84}", "84")).isEqualByComparingTo("4");
        // text as a text field sends it counts as the number it holds, in Thai digits too (it scored 0, while the same
        // digits typed as a short answer counted), and with thousands set off by commas
        assertThat(score(QuestionKind.NUMERIC, "{\"value\":84}", "\"84\"")).isEqualByComparingTo("4");
        assertThat(score(QuestionKind.NUMERIC, "{\"value\":84,\"tolerance\":0.5}", "\" ๘๔.๒ \"")).isEqualByComparingTo("4");
        assertThat(score(QuestionKind.NUMERIC, "{\"value\":1250}", "\"1,250\"")).isEqualByComparingTo("4");
        assertThat(score(QuestionKind.NUMERIC, "{\"value\":-1250.5}", "\"-๑,๒๕๐.๕\"")).isEqualByComparingTo("4");
        // pasted with no-break or zero-width spaces, or ending in a point, as short answers are read
        for (String pasted : List.of("\"\u00a084\u00a0\"", "\"\u200b84\"", "\"84.\"")) {
            assertThat(score(QuestionKind.NUMERIC, "{\"value\":84}", pasted)).as(pasted).isEqualByComparingTo("4");
        }
        // anything else in the text earns nothing, as before: units, a comma that is not a thousands mark, an exponent
        for (String other : List.of("\"84 บาท\"", "\"8,4\"", "\"1,25\"", "\"8e1\"", "\"\"", "\"๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔๘๔\"", "true")) {
            assertThat(score(QuestionKind.NUMERIC, "{\"value\":84}", other)).as(other).isEqualByComparingTo("0");
        }
        // a number whose exponent lies far from the key's is judged at once (an exact difference has as many digits
        // as the distance: this one took minutes) and earns nothing; numbers beyond 20 digits are not taken at all
        assertThat(score(QuestionKind.NUMERIC, "{\"value\":84,\"tolerance\":0.5}", "1e-99999999")).isEqualByComparingTo("0");
        assertThat(Scoring.takes(new java.math.BigDecimal("84.25"))).isTrue();
        assertThat(Scoring.takes(new java.math.BigDecimal("1e-21"))).isFalse();
        assertThat(Scoring.takes(new java.math.BigDecimal("123456789012345678901"))).isFalse();
    }

    @Test
    void shortThaiAnswersAreComparedAfterNormalisation() {
        String key = "[\"ค่ามัธยฐาน\",\"median\"]";
        assertThat(score(QuestionKind.SHORT_TEXT, key, "\"  ค่ามัธยฐาน \"")).isEqualByComparingTo("4");
        assertThat(score(QuestionKind.SHORT_TEXT, key, "\"Median\"")).isEqualByComparingTo("4");
        // กำไร typed with sara am as nikhahit + sara aa is the same word
        assertThat(score(QuestionKind.SHORT_TEXT, "[\"\u0E01\u0E33\u0E44\u0E23\"]", "\"\u0E01\u0E4D\u0E32\u0E44\u0E23\"")).isEqualByComparingTo("4");
        assertThat(score(QuestionKind.SHORT_TEXT, key, "\"ค่าเฉลี่ย\"")).isEqualByComparingTo("0");
        assertThat(Scoring.normalize("  ข้อมูล \t  เปิด ")).isEqualTo("ข้อมูล เปิด");
        // the same answer as other keyboards and pastes type it: a tone mark before its vowel (ที่, ปู่), no-break,
        // ideographic and zero-width spaces, Thai digits
        assertThat(score(QuestionKind.SHORT_TEXT, "[\"\u0E17\u0E35\u0E48\"]", "\"\u0E17\u0E48\u0E35\"")).isEqualByComparingTo("4");
        assertThat(Scoring.normalize("\u0E1B\u0E48\u0E39")).isEqualTo("\u0E1B\u0E39\u0E48");
        assertThat(score(QuestionKind.SHORT_TEXT, key, "\"\u200Bค่ามัธยฐาน\u00A0\"")).isEqualByComparingTo("4");
        assertThat(Scoring.normalize("ข้อมูล\u3000\u00A0เปิด")).isEqualTo("ข้อมูล เปิด");
        assertThat(score(QuestionKind.SHORT_TEXT, "[\"2563\"]", "\"๒๕๖๓\"")).isEqualByComparingTo("4");
        // a tone mark in its place and sara am after a tone mark (ค่ำ) are left as they are
        assertThat(Scoring.normalize("\u0E17\u0E35\u0E48 \u0E04\u0E48\u0E33")).isEqualTo("\u0E17\u0E35\u0E48 \u0E04\u0E48\u0E33");
    }

    @Test
    void noAnswerEarnsNothing() {
        assertThat(score(QuestionKind.SINGLE_CHOICE, "\"b\"", null)).isEqualByComparingTo("0");
        assertThat(score(QuestionKind.MULTIPLE_CHOICE, "[\"a\"]", "null")).isEqualByComparingTo("0");
        // an accepted answer that is only a no-break or zero-width space (pasted from Word) matched an empty answer
        assertThat(score(QuestionKind.SHORT_TEXT, "[\"ค่ามัธยฐาน\", \"\u00A0\"]", "\"\"")).isEqualByComparingTo("0");
        assertThat(score(QuestionKind.SHORT_TEXT, "[\"\u200B\"]", "\" \"")).isEqualByComparingTo("0");
    }

    @Test
    void keysMustFitTheirKind() {
        assertThat(QuestionRules.check(QuestionKind.SINGLE_CHOICE, List.of("a", "b"), json("\"c\""))).isPresent();
        assertThat(QuestionRules.check(QuestionKind.SINGLE_CHOICE, List.of("a"), json("\"a\""))).isPresent();
        assertThat(QuestionRules.check(QuestionKind.SINGLE_CHOICE, List.of("a", "a"), json("\"a\""))).isPresent();
        assertThat(QuestionRules.check(QuestionKind.SINGLE_CHOICE, List.of("a", "b"), json("\"a\""))).isEmpty();
        assertThat(QuestionRules.check(QuestionKind.MULTIPLE_CHOICE, List.of("a", "b"), json("[]"))).isPresent();
        assertThat(QuestionRules.check(QuestionKind.TRUE_FALSE, null, json("\"yes\""))).isPresent();
        assertThat(QuestionRules.check(QuestionKind.NUMERIC, null, json("{\"value\":1,\"tolerance\":-1}"))).isPresent();
        assertThat(QuestionRules.check(QuestionKind.SHORT_TEXT, List.of("a", "b"), json("[\"x\"]"))).isPresent();
        assertThat(QuestionRules.check(QuestionKind.SHORT_TEXT, null, json("[\"x\"]"))).isEmpty();
        assertThat(QuestionRules.check(QuestionKind.SHORT_TEXT, null, json("[\"x\", \"\u00A0\u200B\u3000\"]"))).isPresent();
    }

    @Test
    void theGradingRuleChoosesWhichAttemptCounts() {
        List<BigDecimal> attempts = List.of(new BigDecimal("60"), new BigDecimal("85"), new BigDecimal("70"));
        assertThat(FinalScore.of(GradingRule.HIGHEST, attempts)).contains(new BigDecimal("85"));
        assertThat(FinalScore.of(GradingRule.LAST, attempts)).contains(new BigDecimal("70"));
        assertThat(FinalScore.of(GradingRule.AVERAGE, attempts)).contains(new BigDecimal("71.6667"));
        assertThat(FinalScore.of(GradingRule.AVERAGE, List.of())).isEmpty();
    }
}
