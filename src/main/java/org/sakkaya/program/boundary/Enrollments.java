package org.sakkaya.program.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sakkaya.identity.boundary.OrganizationScope;
import org.sakkaya.identity.boundary.People;
import org.sakkaya.identity.boundary.PersonSummary;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.problem.Forbidden;
import org.sakkaya.platform.problem.NotFound;
import org.sakkaya.platform.problem.RuleViolation;
import org.sakkaya.platform.security.Caller;
import org.sakkaya.platform.security.Roles;
import org.sakkaya.program.control.KnownSeats;
import org.sakkaya.program.entity.Cohort;
import org.sakkaya.program.entity.Enrollment;
import org.sakkaya.program.entity.EnrollmentStatus;

/**
 * Enrolment, nomination and the waitlist. Every change of seats locks the cohort row first (SELECT ... FOR
 * UPDATE), so that however many requests arrive together, the seats counted are the seats there are: 500 parallel
 * enrolments for 40 seats end with exactly 40 ENROLLED and 460 WAITLISTED, and a freed seat goes to the first
 * in the waitlist.
 * <p>
 * The lock alone is not enough. MariaDB runs at REPEATABLE READ: a transaction's plain reads come from a snapshot
 * taken at its first plain read, and a lock taken later does not renew it. An approval or a withdrawal reads the
 * enrolment before it knows which cohort to lock, and in a request with an {@code Idempotency-Key} that read is
 * already in the request's transaction: counted from that snapshot, forty approvals at once each found the same free
 * seats. So in an approval and a withdrawal every read that a seat decision rests on, once the cohort is locked, is a
 * locking read (the enrolment, the seat count, the waitlist), which InnoDB always answers from the rows as they are
 * now. An enrolment and a change of capacity lock the cohort before they read anything, so their plain reads are
 * current already, and they stay plain: a locking read of an enrolment that is not there yet, or a count of a cohort
 * with no seats taken, locks an index gap that reaches into the next cohort's enrolments, and two enrolments into two
 * new cohorts, each holding that gap and inserting into it, deadlocked (one answered 503). The gaps an approval's or a
 * withdrawal's locking reads take stay inside its own cohort's entries, as the enrolment it changes sits after them.
 * Locks are taken cohort first, then enrolments, on every path.
 */
@ApplicationScoped
public class Enrollments {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    @Inject
    Cohorts cohorts;

    @Inject
    People people;

    @Inject
    OrganizationScope scope;

    @Inject
    Event<ResultInputsChanged> resultInputsChanged;

    @Inject
    Event<SeatWithdrawn> seatWithdrawn;

    @Inject
    KnownSeats knownSeats;

    /**
     * PROGRAM_ADMIN places anyone straight into a seat or the waitlist; HR nominates staff of its own organisations
     * (the organiser approves later); a trainee enrols themself while the cohort is open.
     */
    @Transactional
    public Enrollment enrol(String cohortId, String personId) {
        Cohort cohort = cohorts.lock(cohortId);
        PersonSummary person = people.summary(personId);
        Instant now = clock.instant();
        if (!caller.is(Roles.PROGRAM_ADMIN) && cohort.ended(LocalDate.ofInstant(now, Bangkok.ZONE))) {
            // the organiser may still record a past cohort's trainees; nominations and self-enrolment are over
            throw new RuleViolation("cohort-ended", "The cohort ended on " + cohort.endsOn() + "; it takes no more enrolments");
        }
        EnrollmentStatus admission;
        if (caller.is(Roles.PROGRAM_ADMIN)) {
            admission = cohort.admit(seatsTaken(cohortId));
        } else if (caller.is(Roles.HR) && scope.hrCovers(person.organizationId())) {
            admission = EnrollmentStatus.NOMINATED;
        } else if (caller.is(Roles.TRAINEE) && caller.isPerson(personId)) {
            if (!cohort.enrollmentOpen()) {
                throw new RuleViolation("enrollment-closed", "This cohort does not take enrolments now");
            }
            admission = cohort.admit(seatsTaken(cohortId));
        } else if (caller.is(Roles.TRAINEE) && !caller.is(Roles.HR)) {
            throw new Forbidden("A trainee enrols only themself");
        } else {
            throw new NotFound("Person", personId);
        }
        // the row a re-enrolment changes: current, as the cohort was locked before anything was read (see the class comment)
        return place(cohortId, personId, person.organizationId(), find(cohortId, personId), admission, now);
    }

    /** What {@link #nominateOwnStaff} did: the enrolment, and whether it placed the person now. */
    public record Nomination(Enrollment enrollment, boolean placed) {
    }

    /**
     * HR nominating one of its own staff, whatever other roles the caller holds: always NOMINATED, for the organiser to
     * approve (a caller who is also PROGRAM_ADMIN would be placing people with {@link #enrol}), and never into a cohort
     * that has ended. A person already in the cohort (nominated, enrolled or waiting) is left as they are; a withdrawn
     * one is nominated again. For a list of nominations in one transaction, which locked the cohort before it read
     * anything (locked again here, at no cost, so that no caller can skip it).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Nomination nominateOwnStaff(String cohortId, String personId) {
        Cohort cohort = cohorts.lock(cohortId);
        Instant now = clock.instant();
        if (cohort.ended(LocalDate.ofInstant(now, Bangkok.ZONE))) {
            throw new RuleViolation("cohort-ended", "The cohort ended on " + cohort.endsOn() + "; it takes no more nominations");
        }
        PersonSummary person = people.summary(personId);
        if (!scope.hrCovers(person.organizationId())) {
            throw new NotFound("Person", personId);
        }
        Optional<Enrollment> existing = find(cohortId, personId);
        if (existing.isPresent() && existing.get().status() != EnrollmentStatus.WITHDRAWN) {
            return new Nomination(existing.get(), false);
        }
        return new Nomination(place(cohortId, personId, person.organizationId(), existing, EnrollmentStatus.NOMINATED, now), true);
    }

    private Enrollment place(String cohortId, String personId, String organizationId, Optional<Enrollment> existing,
                             EnrollmentStatus admission, Instant now) {
        Enrollment enrollment;
        if (existing.isPresent()) {
            enrollment = existing.get();
            enrollment.rejoin(admission, organizationId, caller.personId(), now);
        } else {
            enrollment = admission == EnrollmentStatus.NOMINATED
                    ? Enrollment.nominate(cohortId, personId, organizationId, caller.personId(), now)
                    : Enrollment.admit(cohortId, personId, organizationId, caller.personId(), admission, now);
            em.persist(enrollment);
        }
        audit.record("ENROLLMENT_" + enrollment.status(), "enrollment", enrollment.id(), "cohort " + cohortId);
        resultInputsChanged.fire(new ResultInputsChanged(cohortId));
        return enrollment;
    }

    @Transactional
    public Enrollment approve(String enrollmentId) {
        Enrollment enrollment = get(enrollmentId);
        Cohort cohort = cohorts.lock(enrollment.cohortId());
        em.refresh(enrollment, LockModeType.PESSIMISTIC_WRITE);
        enrollment.approve(cohort.admit(seatsTakenNow(cohort.id())), clock.instant());
        audit.record("ENROLLMENT_APPROVED", "enrollment", enrollmentId, enrollment.status().name());
        resultInputsChanged.fire(new ResultInputsChanged(cohort.id()));
        return enrollment;
    }

    /**
     * The trainee, their HR or PROGRAM_ADMIN. A freed seat goes to the first in the waitlist. Once the cohort's last
     * day is over its results are final: only PROGRAM_ADMIN still withdraws, to record a drop-out after the fact (it
     * counts as not passed), and nobody moves up from the waitlist into a cohort that has ended.
     */
    @Transactional
    public Enrollment withdraw(String enrollmentId) {
        Enrollment enrollment = get(enrollmentId);
        requireWithdrawer(enrollment);
        Cohort cohort = cohorts.lock(enrollment.cohortId());
        boolean ended = cohort.ended(LocalDate.ofInstant(clock.instant(), Bangkok.ZONE));
        if (ended && !caller.is(Roles.PROGRAM_ADMIN)) {
            throw new RuleViolation("cohort-ended", "The cohort ended on " + cohort.endsOn()
                    + "; its results are final, and only the programme administrator records a withdrawal now");
        }
        em.refresh(enrollment, LockModeType.PESSIMISTIC_WRITE);
        // a rejoin committed while we waited for the lock may have placed the enrolment under another organisation
        requireWithdrawer(enrollment);
        if (enrollment.withdraw(clock.instant())) {
            em.flush();
            seatWithdrawn.fire(new SeatWithdrawn(cohort.id(), enrollment.personId()));
            if (!ended) {
                fillFreeSeats(cohort, true);
            }
        }
        audit.record("ENROLLMENT_WITHDRAWN", "enrollment", enrollmentId, null);
        resultInputsChanged.fire(new ResultInputsChanged(cohort.id()));
        return enrollment;
    }

    /**
     * The trainee, PROGRAM_ADMIN, or HR of the organisation that sent them which is still theirs: a trainee who moved to
     * another ministry mid-cohort was withdrawn by the HR they had left (and counted as not passed there), while the
     * organiser and the trainee decide now.
     */
    private void requireWithdrawer(Enrollment enrollment) {
        if (caller.is(Roles.PROGRAM_ADMIN) || caller.isPerson(enrollment.personId())) {
            return;
        }
        if (!scope.hrCovers(enrollment.organizationId())) {
            throw new Forbidden("Only the trainee, their HR or the organiser can withdraw this enrolment");
        }
        if (!scope.hrCovers(people.summary(enrollment.personId()).organizationId())) {
            throw new Forbidden("The trainee has moved to an organisation outside yours since they were sent: the organiser "
                    + "or the trainee withdraws them now");
        }
    }

    /**
     * Promotes waitlisted trainees, first come first served, while seats are free, for a use case that locked the
     * cohort before it read anything (see the class comment).
     */
    void fillFreeSeats(Cohort cohort) {
        fillFreeSeats(cohort, false);
    }

    /**
     * Promotes waitlisted trainees while seats are free; the cohort must be locked. {@code readBefore}: the transaction
     * read before it locked the cohort, so the seats and the waitlist are read with a lock, as they are now, not as its
     * snapshot had them: two withdrawals one after the other do not both promote the same trainee, and a trainee
     * waitlisted since the snapshot is seen.
     */
    private void fillFreeSeats(Cohort cohort, boolean readBefore) {
        long taken = readBefore ? seatsTakenNow(cohort.id()) : seatsTaken(cohort.id());
        if (!cohort.hasSeatFor(taken)) {
            return;
        }
        int free = cohort.capacity() == null ? Integer.MAX_VALUE : (int) (cohort.capacity() - taken);
        List<Enrollment> next = em.createQuery("SELECT e FROM Enrollment e WHERE e.cohortId = :cohort "
                        + "AND e.status = :waitlisted ORDER BY e.waitlistedAt, e.id", Enrollment.class)
                .setParameter("cohort", cohort.id())
                .setParameter("waitlisted", EnrollmentStatus.WAITLISTED)
                .setMaxResults(free)
                .setLockMode(readBefore ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
                .getResultList();
        Instant now = clock.instant();
        for (Enrollment enrollment : next) {
            enrollment.promote(now);
            audit.record("ENROLLMENT_PROMOTED", "enrollment", enrollment.id(), "from the waitlist");
        }
    }

    /** One enrolment: the trainee, PROGRAM_ADMIN, the cohort's trainers, or HR of the sending organisation. */
    public Enrollment get(String enrollmentId) {
        Enrollment enrollment = em.find(Enrollment.class, enrollmentId);
        if (enrollment == null || !visible(enrollment)) {
            throw new NotFound("Enrollment", enrollmentId);
        }
        return enrollment;
    }

    /**
     * An enrolment with its status as shown today: ENROLLED reads COMPLETED once the cohort's last day is over (see
     * {@link Enrollment#statusOn}).
     */
    public record Shown(Enrollment enrollment, EnrollmentStatus status) {
    }

    /** The enrolment's status as shown today (one query for its cohort's dates). */
    public EnrollmentStatus statusOf(Enrollment enrollment) {
        return enrollment.statusOn(cohorts.find(enrollment.cohortId()).endsOn(), today());
    }

    /**
     * A cohort's enrolments: all of them for PROGRAM_ADMIN and the cohort's trainers, HR's own staff for HR, in the
     * order they were made. A {@code status} filter goes by the status shown: COMPLETED finds the seats of a cohort that
     * has ended, ENROLLED those of one that has not.
     */
    public Page<Shown> list(String cohortId, EnrollmentStatus status, PageRequest page) {
        Cohort cohort = cohorts.find(cohortId);
        boolean all = cohorts.runByCaller(cohort);
        Set<String> orgs = all ? Set.of() : scope.hrOrganizationIds();
        if (!all && orgs.isEmpty()) {
            throw new NotFound("Cohort", cohortId);
        }
        LocalDate today = today();
        boolean ended = cohort.ended(today);
        EnrollmentStatus stored = status == EnrollmentStatus.COMPLETED ? EnrollmentStatus.ENROLLED : status;
        if ((status == EnrollmentStatus.COMPLETED && !ended) || (status == EnrollmentStatus.ENROLLED && ended)) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        String where = " WHERE e.cohortId = :cohort" + (stored == null ? "" : " AND e.status = :status")
                + (all ? "" : " AND e.organizationId IN :orgs");
        var query = em.createQuery("SELECT e FROM Enrollment e" + where + " ORDER BY e.createdAt, e.id", Enrollment.class)
                .setParameter("cohort", cohortId);
        var count = em.createQuery("SELECT COUNT(e) FROM Enrollment e" + where, Long.class).setParameter("cohort", cohortId);
        if (stored != null) {
            query.setParameter("status", stored);
            count.setParameter("status", stored);
        }
        if (!all) {
            query.setParameter("orgs", orgs);
            count.setParameter("orgs", orgs);
        }
        List<Shown> items = page.apply(query).getResultList().stream()
                .map(e -> new Shown(e, e.statusOn(cohort.endsOn(), today))).toList();
        return new Page<>(items, page.page(), page.size(), count.getSingleResult());
    }

    /** The caller's own enrolments, newest first, each with its status as shown: two queries a page. */
    public Page<Shown> mine(PageRequest page) {
        LocalDate today = today();
        var query = em.createQuery("SELECT e, c.endsOn FROM Enrollment e, Cohort c WHERE c.id = e.cohortId "
                        + "AND e.personId = :person ORDER BY e.createdAt DESC, e.id", Object[].class)
                .setParameter("person", caller.personId());
        long total = em.createQuery("SELECT COUNT(e) FROM Enrollment e WHERE e.personId = :person", Long.class)
                .setParameter("person", caller.personId()).getSingleResult();
        List<Shown> items = page.apply(query).getResultList().stream().map(row -> {
            Enrollment e = (Enrollment) row[0];
            return new Shown(e, e.statusOn((LocalDate) row[1], today));
        }).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Bangkok.ZONE);
    }

    /** Whether the person holds a seat (ENROLLED or COMPLETED) in the cohort: what learning and workshops require. */
    public boolean isSeated(String cohortId, String personId) {
        return find(cohortId, personId).map(e -> e.status().takesSeat()).orElse(false);
    }

    /**
     * The same, for a trainee's reads of their own courses: answered from memory once this instance has lately read
     * the seat held ({@link KnownSeats}). A withdrawal is seen at once on the instance that made it and within five
     * seconds on the others. For reads only; writes take {@link #isSeatedLocking}.
     */
    public boolean isSeatedToRead(String cohortId, String personId) {
        return knownSeats.isSeated(cohortId, personId, clock.instant(), () -> find(cohortId, personId)
                .filter(e -> e.status().takesSeat()).map(e -> new KnownSeats.Seat(e.cohortId(), e.personId())));
    }

    void seatLeft(@Observes(during = TransactionPhase.AFTER_SUCCESS) SeatWithdrawn withdrawn) {
        knownSeats.forget(withdrawn.cohortId(), withdrawn.personId());
    }

    /**
     * The same, read with a lock on the enrolment held until the caller's transaction ends: a withdrawal that is
     * committing meanwhile is waited for and seen, so what the caller then opens (an attempt) is not opened for a
     * trainee who has just left. For writes only; reads take {@link #isSeated}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isSeatedLocking(String cohortId, String personId) {
        return find(cohortId, personId, LockModeType.PESSIMISTIC_READ).map(e -> e.status().takesSeat()).orElse(false);
    }

    /** The cohorts, among those given, in which the person holds a seat: one query. */
    public List<String> seatedIn(String personId, java.util.Collection<String> cohortIds) {
        if (cohortIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT e.cohortId FROM Enrollment e WHERE e.personId = :person AND e.cohortId IN :cohorts "
                        + "AND e.status IN :taking", String.class)
                .setParameter("person", personId)
                .setParameter("cohorts", java.util.Set.copyOf(cohortIds))
                .setParameter("taking", List.of(EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED))
                .getResultList();
    }

    /**
     * Who among the given people holds a seat (ENROLLED or COMPLETED) in each of the given cohorts, in one query that
     * reads those people's enrolments only: a list of work from many cohorts (a trainer's grading queue) keeps to the
     * trainees still seated at the cost of the trainees in it, not of every seat those cohorts ever had. A cohort
     * where none of them holds a seat is not in the map.
     */
    public Map<String, Set<String>> seatHolders(java.util.Collection<String> cohortIds, java.util.Collection<String> personIds) {
        if (cohortIds.isEmpty() || personIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Set<String>> holders = new java.util.HashMap<>();
        em.createQuery("SELECT e.cohortId, e.personId FROM Enrollment e WHERE e.cohortId IN :cohorts AND e.personId IN :people "
                        + "AND e.status IN :taking", Object[].class)
                .setParameter("cohorts", Set.copyOf(cohortIds))
                .setParameter("people", Set.copyOf(personIds))
                .setParameter("taking", List.of(EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED))
                .getResultList()
                .forEach(row -> holders.computeIfAbsent((String) row[0], k -> new java.util.HashSet<>()).add((String) row[1]));
        return holders;
    }

    /**
     * When each person of the cohort took their seat (the enrolment's {@code enrolledAt}), in one query: attendance
     * leaves out the sessions that ended before a trainee had a seat. Not in the map: people never seated; people who
     * gave up a seat before and took one again (a rejoin sets {@code enrolledAt} anew, and withdrawing and asking again
     * must not wipe out absences); and seats taken after the cohort's last day (the organiser recording a past
     * cohort's trainees after the fact, whose every session counts).
     */
    public Map<String, Instant> seatsTakenAt(String cohortId) {
        return seatsTakenAt(cohortId, null);
    }

    /**
     * When this person took their seat in the cohort, by the rules of {@link #seatsTakenAt(String)}, reading their own
     * enrolment only: one trainee's attendance (their result) costs the same whatever the size of the cohort.
     */
    public Optional<Instant> seatTakenAt(String cohortId, String personId) {
        return Optional.ofNullable(seatsTakenAt(cohortId, personId).get(personId));
    }

    private Map<String, Instant> seatsTakenAt(String cohortId, String personId) {
        Instant end = cohorts.find(cohortId).endsOn().plusDays(1).atStartOfDay(Bangkok.ZONE).toInstant();
        Map<String, Instant> taken = new java.util.HashMap<>();
        var query = em.createQuery("SELECT e.personId, e.enrolledAt FROM Enrollment e WHERE e.cohortId = :cohort "
                        + (personId == null ? "" : "AND e.personId = :person ")
                        + "AND e.enrolledAt IS NOT NULL AND e.seatLeftAt IS NULL AND e.enrolledAt < :end", Object[].class)
                .setParameter("cohort", cohortId).setParameter("end", end);
        if (personId != null) {
            query.setParameter("person", personId);
        }
        query.getResultList().forEach(row -> taken.put((String) row[0], (Instant) row[1]));
        return taken;
    }

    /** Everyone holding a seat in the cohort, by enrolment time: the rows of progress and attendance tables. */
    public List<Enrollment> seated(String cohortId) {
        return em.createQuery("SELECT e FROM Enrollment e WHERE e.cohortId = :cohort AND e.status IN :taking "
                        + "ORDER BY e.createdAt, e.id", Enrollment.class)
                .setParameter("cohort", cohortId)
                .setParameter("taking", List.of(EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED))
                .getResultList();
    }

    /**
     * The trainees a cohort's pass rate counts: everyone enrolled at the cohort's end (ENROLLED or COMPLETED), and
     * everyone who gave up a seat on or after its first day. Withdrawing before the cohort started removes a trainee
     * from the denominator; dropping out during it does not (it counts as not passed), even if the trainee is
     * nominated or waitlisted again afterwards. A nomination or waitlist place given up is not a drop-out.
     * {@link Enrollment#evaluated} is the same rule for one enrolment.
     */
    public List<Enrollment> evaluated(String cohortId) {
        Cohort cohort = cohorts.find(cohortId);
        Instant start = cohort.startsOn().atStartOfDay(Bangkok.ZONE).toInstant();
        return em.createQuery("SELECT e FROM Enrollment e WHERE e.cohortId = :cohort AND (e.status IN :taking "
                        + "OR e.seatLeftAt >= :start) "
                        + "ORDER BY e.createdAt, e.id", Enrollment.class)
                .setParameter("cohort", cohortId)
                .setParameter("taking", List.of(EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED))
                .setParameter("start", start)
                .getResultList();
    }

    /** Cohorts the person trains, for "my cohorts" views and grading queues. */
    public List<String> cohortsTrainedBy(String personId) {
        return em.createQuery("SELECT c.id FROM Cohort c WHERE :person MEMBER OF c.trainerIds", String.class)
                .setParameter("person", personId).getResultList();
    }

    /** Names for a page of enrolments, in one query. */
    public Map<String, PersonSummary> names(List<Enrollment> enrollments) {
        return people.summaries(enrollments.stream().map(Enrollment::personId).toList());
    }

    private boolean visible(Enrollment enrollment) {
        if (caller.is(Roles.PROGRAM_ADMIN) || caller.isPerson(enrollment.personId())
                || scope.hrCovers(enrollment.organizationId())) {
            return true;
        }
        return cohorts.trainedByCaller(cohorts.find(enrollment.cohortId()));
    }

    private Optional<Enrollment> find(String cohortId, String personId) {
        return find(cohortId, personId, LockModeType.NONE);
    }

    private Optional<Enrollment> find(String cohortId, String personId, LockModeType lock) {
        return em.createQuery("SELECT e FROM Enrollment e WHERE e.cohortId = :cohort AND e.personId = :person", Enrollment.class)
                .setParameter("cohort", cohortId).setParameter("person", personId)
                .setLockMode(lock)
                .getResultStream().findFirst();
    }

    /**
     * Seats held (enrolled or completed); exact only while the cohort is locked, by a transaction that locked it before
     * it read anything (see the class comment).
     */
    long seatsTaken(String cohortId) {
        return em.createQuery("SELECT COUNT(e) FROM Enrollment e WHERE e.cohortId = :cohort AND e.status IN :taking", Long.class)
                .setParameter("cohort", cohortId)
                .setParameter("taking", List.of(EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED))
                .getSingleResult();
    }

    /**
     * Seats held, as they are now whatever the transaction read before it locked the cohort: a locking read (see the
     * class comment). A shared lock is enough, as every change of seats also holds the cohort.
     */
    private long seatsTakenNow(String cohortId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM enrollment WHERE cohort_id = ?1 AND status IN (?2, ?3) "
                        + "LOCK IN SHARE MODE")
                .setParameter(1, cohortId)
                .setParameter(2, EnrollmentStatus.ENROLLED.name())
                .setParameter(3, EnrollmentStatus.COMPLETED.name())
                .getSingleResult()).longValue();
    }
}
