package org.sakkaya.workshop.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.sakkaya.platform.persistence.Ids;

/**
 * One revision of a trainee's report on a field assignment. A resubmission is a new revision and the previous one
 * stops being the latest; nothing submitted is ever changed, so mentors' feedback always refers to what it read.
 */
@Entity
@Table(name = "field_report")
public class FieldReport {
    @Id
    private String id;

    @Column(name = "assignment_id", nullable = false)
    private String assignmentId;

    @Column(name = "person_id", nullable = false)
    private String personId;

    @Column(nullable = false)
    private int revision;

    @Column(nullable = false)
    private boolean latest;

    @Column(name = "body")
    private String text;

    /** One URL a line. */
    private String links;

    @Column(name = "file_id")
    private String fileId;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "erased_at")
    private Instant erasedAt;

    @Version
    private int version;

    protected FieldReport() {
    }

    /**
     * @param previous the trainee's latest report so far, or null for a first submission; it is superseded
     */
    public FieldReport(String assignmentId, String personId, FieldReport previous, String text, List<String> links,
                       String fileId, Instant now) {
        this.id = Ids.next();
        this.assignmentId = Objects.requireNonNull(assignmentId);
        this.personId = Objects.requireNonNull(personId);
        if (previous != null) {
            if (!previous.assignmentId.equals(assignmentId) || !previous.personId.equals(personId)) {
                throw new IllegalArgumentException("A report supersedes only the same trainee's report on the same assignment");
            }
            previous.supersede();
        }
        this.revision = previous == null ? 1 : previous.revision + 1;
        this.latest = true;
        this.text = text;
        this.links = links == null || links.isEmpty() ? null : String.join("\n", links);
        this.fileId = fileId;
        this.submittedAt = now;
    }

    /** Through its own method: the persistence provider tracks changes made by the entity itself, not by another. */
    private void supersede() {
        latest = false;
    }

    /** PDPA erasure: the content goes, the fact that a report was submitted stays. */
    public void erase(Instant now) {
        text = null;
        links = null;
        fileId = null;
        erasedAt = now;
    }

    public String id() {
        return id;
    }

    public String assignmentId() {
        return assignmentId;
    }

    public String personId() {
        return personId;
    }

    public int revision() {
        return revision;
    }

    public boolean latest() {
        return latest;
    }

    public String text() {
        return text;
    }

    public List<String> links() {
        return links == null || links.isEmpty() ? List.of() : List.of(links.split("\n"));
    }

    public String fileId() {
        return fileId;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant erasedAt() {
        return erasedAt;
    }
}
