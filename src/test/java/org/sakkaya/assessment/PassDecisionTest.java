package org.sakkaya.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sakkaya.assessment.control.PassDecision;
import org.sakkaya.assessment.control.WeightedScore;

class PassDecisionTest {
    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void theFinalScoreWeighsEachAssessmentAndMissingWorkCountsZero() {
        assertThat(WeightedScore.of(List.of(new WeightedScore.Part(d("20"), d("80")), new WeightedScore.Part(d("80"), d("60")))))
                .isEqualByComparingTo("64.00");
        assertThat(WeightedScore.of(List.of(new WeightedScore.Part(d("1"), d("90")), new WeightedScore.Part(d("1"), null))))
                .isEqualByComparingTo("45.00");
        assertThat(WeightedScore.of(List.of())).isNull();
    }

    @Test
    void reachingEveryThresholdPasses() {
        assertThat(PassDecision.decide(d("60"), d("80"), d("60.00"), d("80.00"), List.of(), false).passed()).isTrue();
        assertThat(PassDecision.decide(null, null, null, null, List.of(), false).passed()).isTrue();
    }

    @Test
    void eachShortfallIsAReasonInThaiAndEnglish() {
        PassDecision.Outcome outcome = PassDecision.decide(d("60"), d("80"), d("59.99"), d("66.67"), List.of("โครงงาน"), false);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.reasons()).extracting(PassDecision.Reason::code)
                .containsExactly("SCORE_BELOW_MINIMUM", "ATTENDANCE_BELOW_MINIMUM", "REQUIRED_ASSESSMENT_MISSING");
        assertThat(outcome.reasons().get(0).th()).isEqualTo("คะแนนรวมร้อยละ 59.99 ต่ำกว่าเกณฑ์ร้อยละ 60.00");
        assertThat(outcome.reasons().get(1).en()).isEqualTo("Attendance 66.67% is below the minimum 80.00%");
        assertThat(outcome.reasons().get(2).th()).contains("โครงงาน");
    }

    @Test
    void withoutEndedSessionsAttendanceDoesNotApplyButWithoutScoresNobodyPasses() {
        assertThat(PassDecision.decide(d("60"), d("80"), d("75"), null, List.of(), false).passed()).isTrue();
        assertThat(PassDecision.decide(d("60"), null, null, null, List.of(), false).reasons())
                .extracting(PassDecision.Reason::code).containsExactly("NO_SCORE");
    }

    @Test
    void droppingOutDuringTheCohortIsNotPassing() {
        assertThat(PassDecision.decide(null, null, d("100"), null, List.of(), true).reasons())
                .extracting(PassDecision.Reason::code).containsExactly("WITHDRAWN");
    }

    /**
     * The final score is rounded to two decimals, half up, and that figure is the one compared: a trainee shown
     * 80.00% against an 80% minimum has passed, and one shown 79.99% has not, with the reason naming both figures.
     */
    @Test
    void theFinalScoreAsShownIsTheOneThatDecides() {
        BigDecimal halfway = WeightedScore.of(List.of(new WeightedScore.Part(d("1"), d("80.00")), new WeightedScore.Part(d("1"), d("79.99"))));
        assertThat(halfway).isEqualByComparingTo("80.00");
        assertThat(PassDecision.decide(d("80"), null, halfway, null, List.of(), false).passed()).isTrue();
        BigDecimal below = WeightedScore.of(List.of(new WeightedScore.Part(d("1"), d("80.00")), new WeightedScore.Part(d("2"), d("79.99"))));
        assertThat(below).isEqualByComparingTo("79.99");
        assertThat(PassDecision.decide(d("80"), null, below, null, List.of(), false).reasons().get(0).en())
                .isEqualTo("Final score 79.99% is below the minimum 80.00%");
    }

    @Test
    void anEnrolmentThePassRateDoesNotCountSaysWhyInsteadOfDropOut() {
        assertThat(PassDecision.notEvaluated("WITHDRAWN", false).reasons().get(0).en()).contains("before holding a seat");
        assertThat(PassDecision.notEvaluated("WITHDRAWN", true).reasons().get(0).th()).isEqualTo("ถอนตัวก่อนเริ่มการอบรม ไม่นับในการประเมินผล");
        assertThat(PassDecision.notEvaluated("WAITLISTED", false).passed()).isFalse();
    }
}
