package org.sakkaya.workshop.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.sakkaya.platform.persistence.Ids;

/** A mentor's comment on one report revision. Written once; more feedback is more rows, so the history stays. */
@Entity
@Table(name = "field_report_feedback")
public class FieldFeedback {
    @Id
    private String id;

    @Column(name = "report_id", nullable = false)
    private String reportId;

    @Column(name = "author_id", nullable = false)
    private String authorId;

    @Column(name = "body", nullable = false)
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected FieldFeedback() {
    }

    public FieldFeedback(String reportId, String authorId, String text, Instant now) {
        this.id = Ids.next();
        this.reportId = Objects.requireNonNull(reportId);
        this.authorId = Objects.requireNonNull(authorId);
        this.text = Objects.requireNonNull(text);
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String reportId() {
        return reportId;
    }

    public String authorId() {
        return authorId;
    }

    public String text() {
        return text;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
