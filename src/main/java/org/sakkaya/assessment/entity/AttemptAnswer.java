package org.sakkaya.assessment.entity;

import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import org.eclipse.persistence.annotations.ReadOnly;
import org.sakkaya.platform.Jsons;

/**
 * The latest saved answer to one question of an attempt, and after grading its points. Read-only to JPA: written by
 * {@code Attempts} in one statement per autosave and one per grading, whatever the number of answers, so a change made
 * to an instance is never written.
 */
@Entity
@ReadOnly
@Table(name = "attempt_answer")
@IdClass(AttemptAnswer.Key.class)
public class AttemptAnswer {
    @Id
    @Column(name = "attempt_id")
    private String attemptId;

    @Id
    @Column(name = "question_id")
    private String questionId;

    @Column(nullable = false)
    private String answer;

    private BigDecimal points;

    protected AttemptAnswer() {
    }

    /** The points as graded, for the answer to the request; the caller writes them to the database. */
    public void grade(BigDecimal points) {
        this.points = points;
    }

    public JsonValue answer() {
        return Jsons.parse(answer);
    }

    public String questionId() {
        return questionId;
    }

    public BigDecimal points() {
        return points;
    }

    public static class Key implements Serializable {
        private String attemptId;
        private String questionId;

        public Key() {
        }

        public Key(String attemptId, String questionId) {
            this.attemptId = attemptId;
            this.questionId = questionId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.attemptId.equals(attemptId) && k.questionId.equals(questionId);
        }

        @Override
        public int hashCode() {
            return attemptId.hashCode() * 31 + questionId.hashCode();
        }
    }
}
