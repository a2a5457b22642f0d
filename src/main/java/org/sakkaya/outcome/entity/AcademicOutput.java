package org.sakkaya.outcome.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.sakkaya.platform.persistence.Ids;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.RuleViolation;

/**
 * A work that trainees produce after training (ผลงานวิชาการ). It counts for indicators only once it is PRESENTED or
 * PUBLISHED and a trainer of its cohort or PROGRAM_ADMIN has confirmed its evidence (a link or a file). Changing the
 * evidence, the date it was presented or published, its kind or its authors takes the confirmation back: what was
 * confirmed is no longer what is shown, and the authors decide which organisations' indicators the work counts for.
 * The date that puts a work in a fiscal year is {@link #countedOn()}.
 */
@Entity
@Table(name = "academic_output")
public class AcademicOutput {
    @Id
    private String id;

    @Column(nullable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OutputKind kind;

    @Column(name = "cohort_id", nullable = false)
    private String cohortId;

    @Column(name = "program_id", nullable = false)
    private String programId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OutputStatus status;

    @Column(name = "started_on")
    private LocalDate startedOn;

    @Column(name = "presented_on")
    private LocalDate presentedOn;

    @Column(name = "published_on")
    private LocalDate publishedOn;

    private String venue;

    @Column(name = "evidence_url")
    private String evidenceUrl;

    @Column(name = "evidence_file_id")
    private String evidenceFileId;

    @Column(name = "evidence_confirmed_by")
    private String evidenceConfirmedBy;

    @Column(name = "evidence_confirmed_at")
    private Instant evidenceConfirmedAt;

    // a page of works reads its authors in one more statement (IN), not one per work
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(value = BatchFetchType.IN, size = PageRequest.MAX_SIZE)
    @CollectionTable(name = "academic_output_author", joinColumns = @JoinColumn(name = "output_id"))
    @OrderColumn(name = "position")
    private List<Author> authors = new ArrayList<>();

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AcademicOutput() {
    }

    public AcademicOutput(String title, OutputKind kind, String cohortId, String programId, List<Author> authors,
                          OutputStatus status, LocalDate startedOn, LocalDate presentedOn, LocalDate publishedOn,
                          String venue, String evidenceUrl, String createdBy, Instant now) {
        this.id = Ids.next();
        this.title = Objects.requireNonNull(title);
        this.kind = Objects.requireNonNull(kind);
        this.cohortId = Objects.requireNonNull(cohortId);
        this.programId = Objects.requireNonNull(programId);
        this.authors = new ArrayList<>(authors);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = now;
        this.startedOn = startedOn;
        this.presentedOn = presentedOn;
        this.publishedOn = publishedOn;
        this.venue = venue;
        this.evidenceUrl = evidenceUrl;
        this.status = Objects.requireNonNull(status);
        checkDates();
    }

    /** Changes what is given (nulls leave a field as it is); a new date, kind or evidence takes the confirmation back. */
    public void revise(String title, OutputKind kind, OutputStatus status, LocalDate startedOn, LocalDate presentedOn,
                       LocalDate publishedOn, String venue, String evidenceUrl) {
        if (title != null) {
            this.title = title;
        }
        if (kind != null && kind != this.kind) {
            this.kind = kind;
            unconfirm();
        }
        if (status != null) {
            this.status = status;
        }
        if (startedOn != null) {
            this.startedOn = startedOn;
        }
        if (presentedOn != null && !presentedOn.equals(this.presentedOn)) {
            this.presentedOn = presentedOn;
            unconfirm();
        }
        if (publishedOn != null && !publishedOn.equals(this.publishedOn)) {
            this.publishedOn = publishedOn;
            unconfirm();
        }
        if (venue != null) {
            this.venue = venue.isBlank() ? null : venue;
        }
        if (evidenceUrl != null && !evidenceUrl.equals(this.evidenceUrl)) {
            this.evidenceUrl = evidenceUrl.isBlank() ? null : evidenceUrl;
            unconfirm();
        }
        checkDates();
    }

    /** Other authors (not the same people in another order) take the confirmation back. */
    public void replaceAuthors(List<Author> authors) {
        if (!personIds(this.authors).equals(personIds(authors))) {
            unconfirm();
        }
        this.authors.clear();
        this.authors.addAll(authors);
    }

    private static java.util.Set<String> personIds(List<Author> authors) {
        return authors.stream().map(Author::personId).collect(java.util.stream.Collectors.toSet());
    }

    /** A new evidence file replaces the old one (answered, so the caller can delete it) and needs a new confirmation. */
    public String attachEvidence(String fileId) {
        String old = evidenceFileId;
        evidenceFileId = fileId;
        unconfirm();
        return old;
    }

    /** A trainer of the cohort or PROGRAM_ADMIN looked at the evidence: the work counts from now on. */
    public void confirmEvidence(String by, Instant now) {
        if (!status.done()) {
            throw new RuleViolation("output-not-presented", "Only a presented or published work has evidence to confirm",
                    new FieldError("status", "is " + status + "; must be PRESENTED or PUBLISHED"));
        }
        if (evidenceUrl == null && evidenceFileId == null) {
            throw new RuleViolation("output-without-evidence", "This work has no evidence yet: add a link or a file",
                    new FieldError("evidenceUrl", "is missing, and so is an evidence file"));
        }
        evidenceConfirmedBy = by;
        evidenceConfirmedAt = now;
    }

    /** PDPA erasure of an author: the evidence shows them, so it goes; the record and its confirmation stay for the figures. */
    public String dropEvidence() {
        String file = evidenceFileId;
        evidenceUrl = null;
        evidenceFileId = null;
        return file;
    }

    private void unconfirm() {
        evidenceConfirmedBy = null;
        evidenceConfirmedAt = null;
    }

    private void checkDates() {
        if (status == OutputStatus.PRESENTED && presentedOn == null) {
            throw new RuleViolation("output-dates", "A presented work needs the date it was presented",
                    new FieldError("presentedOn", "is required when status is PRESENTED"));
        }
        if (status == OutputStatus.PUBLISHED && publishedOn == null && presentedOn == null) {
            throw new RuleViolation("output-dates", "A published work needs the date it was published",
                    new FieldError("publishedOn", "is required when status is PUBLISHED"));
        }
        if (startedOn != null && presentedOn != null && presentedOn.isBefore(startedOn)) {
            throw new RuleViolation("output-dates", "A work cannot be presented before it was started",
                    new FieldError("presentedOn", "must be on or after startedOn"));
        }
    }

    /** The date that puts the work in a fiscal year: when it was presented, else when it was published. */
    public LocalDate countedOn() {
        return presentedOn != null ? presentedOn : publishedOn;
    }

    public boolean counts() {
        return status.done() && evidenceConfirmedAt != null;
    }

    public boolean isAuthor(String personId) {
        return authors.stream().anyMatch(a -> a.personId().equals(personId));
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public OutputKind kind() {
        return kind;
    }

    public String cohortId() {
        return cohortId;
    }

    public String programId() {
        return programId;
    }

    public OutputStatus status() {
        return status;
    }

    public LocalDate startedOn() {
        return startedOn;
    }

    public LocalDate presentedOn() {
        return presentedOn;
    }

    public LocalDate publishedOn() {
        return publishedOn;
    }

    public String venue() {
        return venue;
    }

    public String evidenceUrl() {
        return evidenceUrl;
    }

    public String evidenceFileId() {
        return evidenceFileId;
    }

    public String evidenceConfirmedBy() {
        return evidenceConfirmedBy;
    }

    public Instant evidenceConfirmedAt() {
        return evidenceConfirmedAt;
    }

    public List<Author> authors() {
        return List.copyOf(authors);
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
