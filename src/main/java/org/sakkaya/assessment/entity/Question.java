package org.sakkaya.assessment.entity;

import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.sakkaya.assessment.control.Scoring;
import org.sakkaya.platform.Jsons;
import org.sakkaya.platform.persistence.Ids;

/** A question of a programme's bank, tagged with a competency. Its key is never shown before grading. */
@Entity
@Table(name = "question")
public class Question {
    @Id
    private String id;

    @Column(name = "program_id", nullable = false)
    private String programId;

    @Column(name = "competency_code")
    private String competencyCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private QuestionKind kind;

    @Column(nullable = false)
    private String prompt;

    private String options;

    @Column(name = "answer_key", nullable = false)
    private String answerKey;

    @Column(nullable = false)
    private BigDecimal points;

    @Column(name = "created_by")
    private String createdBy;

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Question() {
    }

    public Question(String programId, String competencyCode, QuestionKind kind, String prompt, JsonValue options,
                    JsonValue answerKey, BigDecimal points, String createdBy, Instant now) {
        this.id = Ids.next();
        this.programId = Objects.requireNonNull(programId);
        this.competencyCode = competencyCode;
        this.kind = Objects.requireNonNull(kind);
        this.prompt = Objects.requireNonNull(prompt);
        this.options = options == null ? null : options.toString();
        this.answerKey = answerKey.toString();
        this.points = points;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public BigDecimal score(JsonValue answer) {
        return Scoring.points(kind, answerKey(), points, answer);
    }

    public JsonValue answerKey() {
        return parse(answerKey);
    }

    /** Options as JSON, or null for questions without them. */
    public JsonValue optionsJson() {
        return options == null ? null : parse(options);
    }

    static JsonValue parse(String json) {
        return Jsons.parse(json);
    }

    public String id() {
        return id;
    }

    public String createdBy() {
        return createdBy;
    }

    public String programId() {
        return programId;
    }

    public String competencyCode() {
        return competencyCode;
    }

    public QuestionKind kind() {
        return kind;
    }

    public String prompt() {
        return prompt;
    }

    public BigDecimal points() {
        return points;
    }
}
