package org.sakkaya.program.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.sakkaya.platform.persistence.Ids;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.RuleViolation;
import org.sakkaya.program.control.FiscalYear;

/** One run of a programme (รุ่น): dates, seats, trainers and the pass policy. */
@Entity
@Table(name = "cohort")
public class Cohort {
    @Id
    private String id;

    @Column(name = "program_id", nullable = false)
    private String programId;

    @Column(nullable = false)
    private int number;

    @Column(name = "name_th", nullable = false)
    private String nameTh;

    @Column(name = "organizer_id", nullable = false)
    private String organizerId;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    /** Null: no limit. */
    private Integer capacity;

    @Column(name = "enrollment_open", nullable = false)
    private boolean enrollmentOpen;

    @Embedded
    private PassPolicy passPolicy = PassPolicy.none();

    // a page of cohorts reads its trainers in one more statement (IN), not one per cohort
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(value = BatchFetchType.IN, size = PageRequest.MAX_SIZE)
    @CollectionTable(name = "cohort_trainer", joinColumns = @JoinColumn(name = "cohort_id"))
    @Column(name = "person_id")
    private Set<String> trainerIds = new HashSet<>();

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Cohort() {
    }

    public Cohort(String programId, int number, String nameTh, String organizerId, LocalDate startsOn,
                  LocalDate endsOn, Integer capacity, boolean enrollmentOpen, PassPolicy passPolicy, Instant now) {
        this.id = Ids.next();
        this.programId = Objects.requireNonNull(programId);
        this.number = number;
        this.nameTh = Objects.requireNonNull(nameTh);
        this.organizerId = Objects.requireNonNull(organizerId);
        this.enrollmentOpen = enrollmentOpen;
        this.passPolicy = passPolicy == null ? PassPolicy.none() : passPolicy;
        this.createdAt = now;
        reschedule(startsOn, endsOn);
        resize(capacity);
    }

    public void reschedule(LocalDate startsOn, LocalDate endsOn) {
        if (endsOn.isBefore(startsOn)) {
            throw new RuleViolation("cohort-dates", "A cohort cannot end before it starts",
                    new FieldError("endsOn", "must be on or after startsOn"));
        }
        this.startsOn = startsOn;
        this.endsOn = endsOn;
    }

    public void resize(Integer capacity) {
        if (capacity != null && capacity < 0) {
            throw new RuleViolation("cohort-capacity", "Capacity cannot be negative", new FieldError("capacity", "must be 0 or more"));
        }
        this.capacity = capacity;
    }

    public void rename(Integer number, String nameTh, String organizerId) {
        if (number != null) {
            this.number = number;
        }
        if (nameTh != null) {
            this.nameTh = nameTh;
        }
        if (organizerId != null) {
            this.organizerId = organizerId;
        }
    }

    public void setEnrollmentOpen(boolean open) {
        this.enrollmentOpen = open;
    }

    public void changePolicy(PassPolicy policy) {
        this.passPolicy = policy;
    }

    /** Where a newcomer goes, given how many seats are taken now: a seat if one is free, else the waitlist. */
    public EnrollmentStatus admit(long seatsTaken) {
        return hasSeatFor(seatsTaken) ? EnrollmentStatus.ENROLLED : EnrollmentStatus.WAITLISTED;
    }

    public boolean hasSeatFor(long seatsTaken) {
        return capacity == null || seatsTaken < capacity;
    }

    public boolean addTrainer(String personId) {
        return trainerIds.add(personId);
    }

    public boolean removeTrainer(String personId) {
        return trainerIds.remove(personId);
    }

    public boolean isTrainer(String personId) {
        return trainerIds.contains(personId);
    }

    public FiscalYear fiscalYear() {
        return FiscalYear.of(startsOn);
    }

    public boolean started(LocalDate today) {
        return !today.isBefore(startsOn);
    }

    /** Its last day is over: what it counts is final. */
    public boolean ended(LocalDate today) {
        return today.isAfter(endsOn);
    }

    public String id() {
        return id;
    }

    public String programId() {
        return programId;
    }

    public int number() {
        return number;
    }

    public String nameTh() {
        return nameTh;
    }

    public String organizerId() {
        return organizerId;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public Integer capacity() {
        return capacity;
    }

    public boolean enrollmentOpen() {
        return enrollmentOpen;
    }

    public PassPolicy passPolicy() {
        return passPolicy == null ? PassPolicy.none() : passPolicy;
    }

    public Set<String> trainerIds() {
        return Set.copyOf(trainerIds);
    }

    public int version() {
        return version;
    }
}
