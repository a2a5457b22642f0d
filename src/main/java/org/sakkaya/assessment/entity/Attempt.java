package org.sakkaya.assessment.entity;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sakkaya.platform.Jsons;
import org.sakkaya.platform.persistence.Ids;
import org.sakkaya.platform.problem.Conflict;

/**
 * One try at an auto-graded assessment. The server's clock decides: a request that arrives after the deadline
 * finds the attempt finished with the answers saved before it.
 */
@Entity
@Table(name = "attempt")
public class Attempt {
    @Id
    private String id;

    @Column(name = "assessment_id", nullable = false)
    private String assessmentId;

    @Column(name = "person_id", nullable = false)
    private String personId;

    @Column(nullable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AttemptStatus status;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "deadline_at", nullable = false)
    private Instant deadlineAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    /** The questions this attempt shows, in order, each with its options in this attempt's order. */
    @Column(nullable = false)
    private String layout;

    private BigDecimal score;

    @Column(name = "max_score")
    private BigDecimal maxScore;

    @Version
    private int version;

    protected Attempt() {
    }

    public Attempt(String assessmentId, String personId, int number, Map<String, List<String>> layout, Instant now,
                   Instant deadline) {
        this.id = Ids.next();
        this.assessmentId = Objects.requireNonNull(assessmentId);
        this.personId = Objects.requireNonNull(personId);
        this.number = number;
        this.status = AttemptStatus.IN_PROGRESS;
        this.startedAt = now;
        this.deadlineAt = deadline;
        var array = Jsons.array();
        layout.forEach((questionId, options) -> array.add(Jsons.object()
                .add("questionId", questionId)
                .add("options", Jsons.array(options))));
        this.layout = array.build().toString();
    }

    /** questionId -> option keys in display order (empty for questions without options), in question order. */
    public Map<String, List<String>> layout() {
        Map<String, List<String>> questions = new LinkedHashMap<>();
        for (JsonObject entry : Jsons.parse(layout).asJsonArray().getValuesAs(JsonObject.class)) {
            questions.put(entry.getString("questionId"),
                    entry.getJsonArray("options").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        }
        return questions;
    }

    public boolean pastDeadline(Instant now) {
        return !now.isBefore(deadlineAt);
    }

    /**
     * A running attempt of a trainee given an extension (or one cut back) ends at this deadline instead: the time limit
     * still counts from its start, and a deadline already passed stays as it was.
     */
    public void moveDeadline(Instant deadline, Instant now) {
        if (!status.finished() && !pastDeadline(now)) {
            this.deadlineAt = deadline;
        }
    }

    /** Answers may be saved only while the attempt is open and before its deadline. */
    public void requireOpen(Instant now) {
        if (status.finished() || pastDeadline(now)) {
            throw new Conflict("attempt-closed", "This attempt is finished; answers can no longer be changed");
        }
    }

    /** Grades once; a finished attempt keeps its first grade. Submitted in time: SUBMITTED, else EXPIRED. */
    public boolean finish(BigDecimal score, BigDecimal maxScore, Instant now) {
        if (status.finished()) {
            return false;
        }
        this.status = pastDeadline(now) ? AttemptStatus.EXPIRED : AttemptStatus.SUBMITTED;
        this.finishedAt = pastDeadline(now) ? deadlineAt : now;
        this.score = score;
        this.maxScore = maxScore;
        return true;
    }

    public String id() {
        return id;
    }

    public String assessmentId() {
        return assessmentId;
    }

    public String personId() {
        return personId;
    }

    public int number() {
        return number;
    }

    public AttemptStatus status() {
        return status;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant deadlineAt() {
        return deadlineAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public BigDecimal score() {
        return score;
    }

    public BigDecimal maxScore() {
        return maxScore;
    }
}
