package org.sakkaya.assessment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.sakkaya.platform.persistence.Ids;

/** One revision of a trainee's work for an assignment. Revisions are never changed; the newest is the work. */
@Entity
@Table(name = "submission")
public class Submission {
    @Id
    private String id;

    @Column(name = "assessment_id", nullable = false)
    private String assessmentId;

    @Column(name = "person_id", nullable = false)
    private String personId;

    @Column(nullable = false)
    private int revision;

    private String text;

    private String url;

    @Column(name = "file_id")
    private String fileId;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "days_late", nullable = false)
    private int daysLate;

    protected Submission() {
    }

    public Submission(String assessmentId, String personId, int revision, String text, String url, String fileId,
                      Instant now, int daysLate) {
        this.id = Ids.next();
        this.assessmentId = Objects.requireNonNull(assessmentId);
        this.personId = Objects.requireNonNull(personId);
        this.revision = revision;
        this.text = text;
        this.url = url;
        this.fileId = fileId;
        this.submittedAt = now;
        this.daysLate = daysLate;
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

    public int revision() {
        return revision;
    }

    public String text() {
        return text;
    }

    public String url() {
        return url;
    }

    public String fileId() {
        return fileId;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public int daysLate() {
        return daysLate;
    }
}
