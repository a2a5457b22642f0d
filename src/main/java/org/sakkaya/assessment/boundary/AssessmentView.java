package org.sakkaya.assessment.boundary;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.sakkaya.assessment.control.Rubric;
import org.sakkaya.assessment.entity.Assessment;
import org.sakkaya.assessment.entity.AssessmentKind;
import org.sakkaya.assessment.entity.GradingRule;
import org.sakkaya.assessment.entity.LatePolicy;
import org.sakkaya.assessment.entity.ReviewRule;
import org.sakkaya.platform.Bangkok;

/** An assessment as anyone in the cohort may see it: never its questions' keys. */
public record AssessmentView(String id, String cohortId, AssessmentKind kind, String title, BigDecimal weight,
                             BigDecimal maxScore, OffsetDateTime opensAt, OffsetDateTime closesAt,
                             Integer timeLimitMinutes, int maxAttempts, GradingRule gradingRule, ReviewRule review,
                             Integer drawCount, int questionCount, List<String> competencyCodes,
                             Rubric rubric, LatePolicy latePolicy, BigDecimal latePenaltyPercentPerDay) {

    static AssessmentView of(Assessment a) {
        return new AssessmentView(a.id(), a.cohortId(), a.kind(), a.title(), a.weight(), a.maxScore(),
                Bangkok.time(a.opensAt()), Bangkok.time(a.closesAt()),
                a.timeLimitMinutes(), a.maxAttempts(), a.gradingRule(), a.review(), a.drawCount(),
                a.drawCount() != null ? a.drawCount() : a.questionIds().size(), a.competencyCodes(),
                a.rubric().orElse(null), a.kind().autoGraded() ? null : a.latePolicy(), a.latePenaltyPercentPerDay());
    }
}
