package org.sakkaya.assessment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.sakkaya.platform.persistence.Ids;

/** A grade given to a submission. Never changed: a regrade is a new Grade with its reason; the newest counts. */
@Entity
@Table(name = "grade")
public class Grade {
    @Id
    private String id;

    @Column(name = "submission_id", nullable = false)
    private String submissionId;

    @Column(name = "assessment_id", nullable = false)
    private String assessmentId;

    @Column(name = "person_id", nullable = false)
    private String personId;

    @Column(nullable = false)
    private BigDecimal score;

    @Column(name = "raw_score", nullable = false)
    private BigDecimal rawScore;

    @Column(name = "rubric_scores")
    private String rubricScores;

    private String feedback;

    private String reason;

    @Column(nullable = false)
    private boolean released;

    @Column(name = "graded_by", nullable = false)
    private String gradedBy;

    @Column(name = "graded_at", nullable = false)
    private Instant gradedAt;

    protected Grade() {
    }

    public Grade(Submission submission, BigDecimal score, BigDecimal rawScore, String rubricScores, String feedback,
                 String reason, boolean released, String gradedBy, Instant now) {
        this.id = Ids.next();
        this.submissionId = submission.id();
        this.assessmentId = submission.assessmentId();
        this.personId = submission.personId();
        this.score = score;
        this.rawScore = rawScore;
        this.rubricScores = rubricScores;
        this.feedback = feedback;
        this.reason = reason;
        this.released = released;
        this.gradedBy = gradedBy;
        this.gradedAt = now;
    }

    /**
     * Whether a grade given now with these values would be this one again: of the same revision, by the same grader, with
     * the same scores (compared as numbers), rubric levels, feedback, reason and release. A retried request is.
     */
    public boolean isSameGrade(String submissionId, BigDecimal score, BigDecimal rawScore, String rubricScores, String feedback,
                               String reason, boolean released, String gradedBy) {
        return this.submissionId.equals(submissionId) && this.gradedBy.equals(gradedBy) && this.released == released
                && this.score.compareTo(score) == 0 && this.rawScore.compareTo(rawScore) == 0
                && Objects.equals(this.rubricScores, rubricScores) && Objects.equals(this.feedback, feedback)
                && Objects.equals(this.reason, reason);
    }

    public String id() {
        return id;
    }

    public String submissionId() {
        return submissionId;
    }

    public String assessmentId() {
        return assessmentId;
    }

    public String personId() {
        return personId;
    }

    public BigDecimal score() {
        return score;
    }

    public BigDecimal rawScore() {
        return rawScore;
    }

    public String rubricScores() {
        return rubricScores;
    }

    public String feedback() {
        return feedback;
    }

    public String reason() {
        return reason;
    }

    public boolean released() {
        return released;
    }

    public String gradedBy() {
        return gradedBy;
    }

    public Instant gradedAt() {
        return gradedAt;
    }
}
