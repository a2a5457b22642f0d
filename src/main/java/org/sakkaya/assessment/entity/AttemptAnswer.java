package org.sakkaya.assessment.entity;

import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import org.sakkaya.platform.Jsons;

/** The latest saved answer to one question of an attempt, and after grading its points. */
@Entity
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

    @Column(name = "saved_at", nullable = false)
    private Instant savedAt;

    private BigDecimal points;

    protected AttemptAnswer() {
    }

    public AttemptAnswer(String attemptId, String questionId, JsonValue answer, Instant now) {
        this.attemptId = attemptId;
        this.questionId = questionId;
        replace(answer, now);
    }

    public void replace(JsonValue answer, Instant now) {
        this.answer = answer.toString();
        this.savedAt = now;
    }

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
