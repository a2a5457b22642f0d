package org.sakkaya.assessment.boundary;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.sakkaya.assessment.control.Rubric;
import org.sakkaya.assessment.entity.Assessment;
import org.sakkaya.assessment.entity.LatePolicy;
import org.sakkaya.assessment.entity.AssessmentKind;
import org.sakkaya.assessment.entity.GradingRule;
import org.sakkaya.assessment.entity.ReviewRule;

/** An assessment as anyone in the cohort may see it: never its questions' keys. */
public record AssessmentView(String id, String cohortId, AssessmentKind kind, String title, BigDecimal weight,
                             BigDecimal maxScore, OffsetDateTime opensAt, OffsetDateTime closesAt,
                             Integer timeLimitMinutes, int maxAttempts, GradingRule gradingRule, ReviewRule review,
                             Integer drawCount, int questionCount, List<String> competencyCodes,
                             Rubric rubric, LatePolicy latePolicy, BigDecimal latePenaltyPercentPerDay) {
    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    static AssessmentView of(Assessment a) {
        return new AssessmentView(a.id(), a.cohortId(), a.kind(), a.title(), a.weight(), a.maxScore(),
                a.opensAt().atZone(BANGKOK).toOffsetDateTime(), a.closesAt().atZone(BANGKOK).toOffsetDateTime(),
                a.timeLimitMinutes(), a.maxAttempts(), a.gradingRule(), a.review(), a.drawCount(),
                a.drawCount() != null ? a.drawCount() : a.questionIds().size(), a.competencyCodes(),
                a.rubric().orElse(null), a.kind().autoGraded() ? null : a.latePolicy(), a.latePenaltyPercentPerDay());
    }
}
