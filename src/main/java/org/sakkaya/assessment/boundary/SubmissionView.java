package org.sakkaya.assessment.boundary;

import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.sakkaya.assessment.entity.Grade;
import org.sakkaya.assessment.entity.Submission;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.Jsons;

/**
 * A revision of assignment work, with its grade (and, for staff, the history of grades). In the grading queue it also
 * names its cohort and assignment, which a trainer of several cohorts needs to tell the items apart.
 */
public record SubmissionView(String id, String assessmentId, String personId, String personName, int revision,
                             String text, String url, String fileId, OffsetDateTime submittedAt, boolean late,
                             int daysLate, GradeView grade, List<GradeView> gradeHistory, String cohortId,
                             String assessmentTitle) {

    SubmissionView in(String cohort, String title) {
        return new SubmissionView(id, assessmentId, personId, personName, revision, text, url, fileId, submittedAt, late,
                daysLate, grade, gradeHistory, cohort, title);
    }

    /** {@code rubricScores} as the grade request gave them (API.md), or null for a plain score. */
    public record GradeView(String id, BigDecimal score, BigDecimal rawScore, List<GradeRequest.RubricScore> rubricScores,
                            String feedback, String reason, boolean released, String gradedBy, OffsetDateTime gradedAt) {
        static GradeView of(Grade g) {
            return g == null ? null : new GradeView(g.id(), g.score(), g.rawScore(), rubricScores(g.rubricScores()), g.feedback(),
                    g.reason(), g.released(), g.gradedBy(), Bangkok.time(g.gradedAt()));
        }

        /** The stored array of {@code {"criterionIndex","points"}}, as the grade request's records. */
        private static List<GradeRequest.RubricScore> rubricScores(String stored) {
            if (stored == null) {
                return null;
            }
            return Jsons.parse(stored).asJsonArray().stream().map(JsonValue::asJsonObject)
                    .map(o -> new GradeRequest.RubricScore(o.getInt("criterionIndex"), o.getJsonNumber("points").bigDecimalValue()))
                    .toList();
        }
    }

    /**
     * {@code grade} is the trainee's current grade for the assessment, shown on the revision it graded only: a revision
     * handed in after it showed the earlier revision's score and feedback, as if the new work had been marked.
     */
    static SubmissionView of(Submission s, String personName, Grade grade, List<Grade> history) {
        Grade ofThis = grade != null && grade.submissionId().equals(s.id()) ? grade : null;
        return new SubmissionView(s.id(), s.assessmentId(), s.personId(), personName, s.revision(), s.text(), s.url(),
                s.fileId(), Bangkok.time(s.submittedAt()), s.daysLate() > 0, s.daysLate(), GradeView.of(ofThis),
                history == null ? null : history.stream().map(GradeView::of).toList(), null, null);
    }

}
