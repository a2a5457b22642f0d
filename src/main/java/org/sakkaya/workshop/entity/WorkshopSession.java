package org.sakkaya.workshop.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.sakkaya.platform.persistence.Ids;
import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.RuleViolation;

/** One scheduled meeting of a cohort (สัมมนาเชิงปฏิบัติการ ครั้งที่ N), on site, online or both. */
@Entity
@Table(name = "workshop_session")
public class WorkshopSession {
    @Id
    private String id;

    @Column(name = "cohort_id", nullable = false)
    private String cohortId;

    @Column(nullable = false)
    private int number;

    @Column(nullable = false)
    private String title;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    private String venue;

    @Column(name = "online_url")
    private String onlineUrl;

    private String speaker;

    @Column(name = "check_in_code_hash")
    private String checkInCodeHash;

    @Column(name = "check_in_code_expires_at")
    private Instant checkInCodeExpiresAt;

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected WorkshopSession() {
    }

    public WorkshopSession(String cohortId, int number, String title, Instant startsAt, Instant endsAt, String venue,
                           String onlineUrl, String speaker, Instant now) {
        this.id = Ids.next();
        this.cohortId = Objects.requireNonNull(cohortId);
        this.number = number;
        this.title = Objects.requireNonNull(title);
        this.venue = venue;
        this.onlineUrl = onlineUrl;
        this.speaker = speaker;
        this.createdAt = now;
        reschedule(startsAt, endsAt);
    }

    public void reschedule(Instant startsAt, Instant endsAt) {
        if (!endsAt.isAfter(startsAt)) {
            throw new RuleViolation("session-times", "A session must end after it starts",
                    new FieldError("endsAt", "must be after startsAt"));
        }
        this.startsAt = startsAt;
        this.endsAt = endsAt;
    }

    /** A null number or title stays as it is; venue, address and speaker are set as given (null: none). */
    public void describe(Integer number, String title, String venue, String onlineUrl, String speaker) {
        if (number != null) {
            this.number = number;
        }
        if (title != null) {
            this.title = title;
        }
        this.venue = venue;
        this.onlineUrl = onlineUrl;
        this.speaker = speaker;
    }

    /** A new code replaces the previous one at once: a code shown earlier stops working. */
    public void replaceCheckInCode(String codeHash, Instant expiresAt) {
        this.checkInCodeHash = Objects.requireNonNull(codeHash);
        this.checkInCodeExpiresAt = Objects.requireNonNull(expiresAt);
    }

    public boolean hasEnded(Instant now) {
        return !now.isBefore(endsAt);
    }

    public String id() {
        return id;
    }

    public String cohortId() {
        return cohortId;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public String venue() {
        return venue;
    }

    public String onlineUrl() {
        return onlineUrl;
    }

    public String speaker() {
        return speaker;
    }

    public String checkInCodeHash() {
        return checkInCodeHash;
    }

    public Instant checkInCodeExpiresAt() {
        return checkInCodeExpiresAt;
    }

    public int version() {
        return version;
    }
}
