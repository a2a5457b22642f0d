package org.sakkaya.workshop.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.Links;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.problem.Conflict;
import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.InvalidInput;
import org.sakkaya.platform.problem.NotFound;
import org.sakkaya.platform.problem.RuleViolation;
import org.sakkaya.program.boundary.CohortDatesChanging;
import org.sakkaya.program.boundary.Cohorts;
import org.sakkaya.program.boundary.ResultInputsChanged;
import org.sakkaya.program.entity.Cohort;
import org.sakkaya.workshop.entity.FieldAssignment;
import org.sakkaya.workshop.entity.WorkshopSession;

/** The schedule of a cohort's workshop sessions: PROGRAM_ADMIN plans it, everyone in the cohort reads it. */
@ApplicationScoped
public class Sessions {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    @Inject
    Cohorts cohorts;

    @Inject
    CohortAccess access;

    /** When a session's check-in opens: attendance other than leave is recorded from then. */
    @Inject
    Attendance attendance;

    /** Tells the persisted pass decisions that this cohort's inputs changed. */
    @Inject
    Event<ResultInputsChanged> resultInputsChanged;

    /**
     * A new session, within the cohort's days as they are when it commits: the cohort's row is held shared before the
     * days are read, so a change of the days that commits meanwhile is waited for and seen, and one that comes after
     * waits for this and sees the session.
     */
    @Transactional
    public WorkshopSession create(String cohortId, SessionRequest request) {
        Cohorts.Days days = cohorts.lockDays(cohortId);
        requireFreeNumber(cohortId, request.number(), null);
        requireWithin(days.startsOn(), days.endsOn(), request.startsAt().toInstant(), request.endsAt().toInstant());
        WorkshopSession session = new WorkshopSession(cohortId, request.number(), request.title(),
                request.startsAt().toInstant(), request.endsAt().toInstant(), Texts.blankToNull(request.venue()),
                onlineUrl(request.onlineUrl()), Texts.blankToNull(request.speaker()), clock.instant());
        em.persist(session);
        audit.record("SESSION_CREATED", "session", session.id(), "cohort " + cohortId + " number " + request.number());
        resultInputsChanged.fire(new ResultInputsChanged(cohortId));
        return session;
    }

    /**
     * Changes a session. Locks in the order every writer takes them (the cohort shared, then the session, then its
     * field work), each read current: a change of the cohort's days or new field work committing meanwhile is seen,
     * and one that comes after waits for this change and sees it.
     */
    @Transactional
    public WorkshopSession update(String id, SessionPatch patch) {
        // the session's cohort never changes, so the plain read of it only says which cohort to lock
        WorkshopSession session = find(id);
        Cohorts.Days days = cohorts.lockDays(session.cohortId());
        lock(session);
        if (patch.number() != null && patch.number() != session.number()) {
            requireFreeNumber(session.cohortId(), patch.number(), id);
        }
        if (patch.startsAt() != null || patch.endsAt() != null) {
            Instant startsAt = patch.startsAt() != null ? patch.startsAt().toInstant() : session.startsAt();
            Instant endsAt = patch.endsAt() != null ? patch.endsAt().toInstant() : session.endsAt();
            requireWithin(days.startsOn(), days.endsOn(), startsAt, endsAt);
            // field work that follows the session stays due after it, as its creation required (a locking read, which
            // sees field work committed after this transaction's snapshot)
            em.createQuery("SELECT f FROM FieldAssignment f WHERE f.afterSessionId = :session AND f.dueAt <= :ends ORDER BY f.dueAt",
                            FieldAssignment.class)
                    .setParameter("session", id).setParameter("ends", endsAt).setMaxResults(1)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultStream().findFirst().ifPresent(field -> {
                        throw new RuleViolation("due-before-session", "The field work \"" + field.title() + "\" that follows this "
                                + "session is due " + Bangkok.text(field.dueAt()) + ", before the session would end",
                                new FieldError("endsAt", "must be before the field work that follows the session is due"));
                    });
            // moved to a time whose check-in has not opened, a session would keep who came (or not) to the old time,
            // and count it once the new time has passed; only leave recorded in advance moves with it
            if (clock.instant().isBefore(attendance.checkInOpensAt(startsAt)) && exists(
                    "SELECT 1 FROM attendance_record WHERE session_id = ?1 AND status <> 'EXCUSED' LIMIT 1 LOCK IN SHARE MODE", id)) {
                throw new Conflict("session-has-attendance", "Attendance is recorded for this session at its time; it took place, "
                        + "and cannot move to a time that has not come (schedule a new session instead)");
            }
            session.reschedule(startsAt, endsAt);
        }
        if (patch.title() != null && patch.title().isBlank()) {
            throw new InvalidInput("title", "must not be blank");
        }
        // an empty venue, address or speaker clears it (a session moved on-line loses its room)
        session.describe(patch.number(), patch.title() == null ? null : patch.title().strip(),
                patch.venue() == null ? session.venue() : Texts.blankToNull(patch.venue()),
                patch.onlineUrl() == null ? session.onlineUrl() : onlineUrl(patch.onlineUrl()),
                patch.speaker() == null ? session.speaker() : Texts.blankToNull(patch.speaker()));
        audit.record("SESSION_CHANGED", "session", id, null);
        resultInputsChanged.fire(new ResultInputsChanged(session.cohortId()));
        return session;
    }

    /**
     * Deletes a session that will not take place (cancelled, or made by mistake): left in, it counts once ended as a
     * session everyone missed, and lowers every trainee's attendance. Not one with attendance other than leave recorded
     * (409 {@code session-has-attendance}: it took place) or one that field work follows (409
     * {@code session-has-field-work}); leave recorded in advance goes with the session. Same access as a change of the
     * session.
     */
    @Transactional
    public void delete(String id) {
        // the session's row first: a check-in or field work referring to it that commits meanwhile waits for it (its
        // key is checked), and what committed before is seen by the current reads below, which the snapshot would miss
        WorkshopSession session = Optional.ofNullable(em.find(WorkshopSession.class, id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NotFound("Session", id));
        if (exists("SELECT 1 FROM attendance_record WHERE session_id = ?1 AND status <> 'EXCUSED' LIMIT 1 LOCK IN SHARE MODE", id)) {
            throw new Conflict("session-has-attendance", "Attendance is recorded for this session; it took place and stays");
        }
        if (exists("SELECT 1 FROM field_assignment WHERE after_session_id = ?1 LIMIT 1 LOCK IN SHARE MODE", id)) {
            throw new Conflict("session-has-field-work", "Field work follows this session (its afterSessionId); the session stays with it");
        }
        // leave recorded in advance for a session that will not take place goes with it (a check-in committing
        // meanwhile waited for the session's row, and is seen by the statement above)
        int leaves = em.createNativeQuery("DELETE FROM attendance_record WHERE session_id = ?1").setParameter(1, id).executeUpdate();
        em.remove(session);
        audit.record("SESSION_DELETED", "session", id, "cohort " + session.cohortId() + " number " + session.number()
                + (leaves == 0 ? "" : ", with " + leaves + " leave(s) recorded in advance"));
        resultInputsChanged.fire(new ResultInputsChanged(session.cohortId()));
    }

    private boolean exists(String sql, String id) {
        return !em.createNativeQuery(sql).setParameter(1, id).getResultList().isEmpty();
    }

    /**
     * A session takes place within its cohort's days (in Bangkok): one after the last day would happen after the
     * cohort's certificates were issued (they wait for that day only) and change its results then.
     */
    static void requireWithin(LocalDate firstDay, LocalDate lastDay, Instant startsAt, Instant endsAt) {
        if (startDay(startsAt).isBefore(firstDay)) {
            throw new RuleViolation("session-outside-cohort", "The cohort runs from " + firstDay + " to " + lastDay
                    + "; a session cannot start before it", new FieldError("startsAt", "is before the cohort's first day, " + firstDay));
        }
        if (endDay(endsAt).isAfter(lastDay)) {
            throw new RuleViolation("session-outside-cohort", "The cohort runs from " + firstDay + " to " + lastDay
                    + "; a session cannot end after it", new FieldError("endsAt", "is after the cohort's last day, " + lastDay));
        }
    }

    private static boolean within(LocalDate firstDay, LocalDate lastDay, Instant startsAt, Instant endsAt) {
        return !startDay(startsAt).isBefore(firstDay) && !endDay(endsAt).isAfter(lastDay);
    }

    private static LocalDate startDay(Instant startsAt) {
        return LocalDate.ofInstant(startsAt, Bangkok.ZONE);
    }

    /** The day a session ends on: one ending at midnight ends on the day before (an evening session of the last day). */
    private static LocalDate endDay(Instant endsAt) {
        return LocalDate.ofInstant(endsAt.minusNanos(1), Bangkok.ZONE);
    }

    /**
     * The cohort's new days must still hold every session its old days held. A session that was outside already
     * (scheduled before this rule) is left to its organiser, not a reason to refuse every change of the cohort.
     * Runs under the cohort's exclusive lock; the sessions are read locked, so one created or moved by a transaction
     * that committed after this one's snapshot is seen (those still running hold the cohort shared, and were waited for).
     */
    void cohortDatesChanging(@Observes CohortDatesChanging change) {
        List<WorkshopSession> locked = inOrder(change.cohortId()).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        for (WorkshopSession session : locked) {
            if (within(change.wasStartsOn(), change.wasEndsOn(), session.startsAt(), session.endsAt())
                    && !within(change.startsOn(), change.endsOn(), session.startsAt(), session.endsAt())) {
                LocalDate day = startDay(session.startsAt());
                throw new RuleViolation("sessions-outside-cohort", "Session " + session.number() + " (" + session.title() + ") on "
                        + day + " would lie outside " + change.startsOn() + " to " + change.endsOn() + "; move it first",
                        new FieldError(day.isBefore(change.startsOn()) ? "startsOn" : "endsOn",
                                "would leave session " + session.number() + " outside the cohort"));
            }
        }
    }

    /**
     * The end of the cohort's first session that ends after {@code after}: when its attendance percentages next change
     * by themselves, with nobody writing anything. Empty when every session has ended.
     */
    public Optional<Instant> nextEndAfter(String cohortId, Instant after) {
        return em.createQuery("SELECT s.endsAt FROM WorkshopSession s WHERE s.cohortId = :cohort AND s.endsAt > :after "
                        + "ORDER BY s.endsAt", Instant.class)
                .setParameter("cohort", cohortId).setParameter("after", after).setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** A session the caller may see: as its cohort's schedule is seen. */
    public WorkshopSession get(String id) {
        WorkshopSession session = find(id);
        if (!access.readsSchedule(cohorts.find(session.cohortId()))) {
            throw new NotFound("Session", id);
        }
        return session;
    }

    /** A page of the cohort's sessions in their order (by number). */
    public Page<WorkshopSession> list(String cohortId, PageRequest page) {
        Cohort cohort = cohorts.find(cohortId);
        if (!access.readsSchedule(cohort)) {
            throw new NotFound("Cohort", cohortId);
        }
        long total = em.createQuery("SELECT COUNT(s) FROM WorkshopSession s WHERE s.cohortId = :cohort", Long.class)
                .setParameter("cohort", cohortId).getSingleResult();
        return new Page<>(page.apply(inOrder(cohortId)).getResultList(), page.page(), page.size(), total);
    }

    List<WorkshopSession> ofCohort(String cohortId) {
        return inOrder(cohortId).getResultList();
    }

    private TypedQuery<WorkshopSession> inOrder(String cohortId) {
        return em.createQuery("SELECT s FROM WorkshopSession s WHERE s.cohortId = :cohort ORDER BY s.number, s.startsAt, s.id",
                        WorkshopSession.class)
                .setParameter("cohort", cohortId);
    }

    /**
     * The session read again, current, and locked until the transaction ends: what changes it, its attendance or the
     * field work that follows it takes turns on this row. 404 when it was deleted while this waited.
     */
    WorkshopSession lock(WorkshopSession session) {
        try {
            em.refresh(session, LockModeType.PESSIMISTIC_WRITE);
        } catch (EntityNotFoundException deleted) {
            throw new NotFound("Session", session.id());
        }
        return session;
    }

    /**
     * The session, locked until the transaction ends, read before anything else in the transaction: without a scope
     * check, for the use cases of this feature, which check scope themselves. MariaDB runs at REPEATABLE READ, where a
     * transaction's plain reads come from a snapshot taken at its first plain read; a lock taken later does not renew
     * it. Taken first, this lock makes every plain read after it see what the transactions that held it before wrote
     * (in a request with an {@code Idempotency-Key} too, whose transaction has only inserted the key's row so far), so
     * what those write needs no locking read, and no gap lock.
     */
    WorkshopSession findLocked(String id) {
        return Optional.ofNullable(em.find(WorkshopSession.class, id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NotFound("Session", id));
    }

    /** Without a scope check: for the use cases of this feature, which check scope themselves. */
    WorkshopSession find(String id) {
        return Optional.ofNullable(em.find(WorkshopSession.class, id)).orElseThrow(() -> new NotFound("Session", id));
    }

    private void requireFreeNumber(String cohortId, int number, String exceptId) {
        boolean taken = !em.createQuery("SELECT s.id FROM WorkshopSession s WHERE s.cohortId = :cohort AND s.number = :number AND s.id <> :id", String.class)
                .setParameter("cohort", cohortId).setParameter("number", number)
                .setParameter("id", exceptId == null ? "" : exceptId)
                .setMaxResults(1).getResultList().isEmpty();
        if (taken) {
            throw new Conflict("duplicate-session-number", "The cohort has a session number " + number + " already",
                    new FieldError("number", "is taken in this cohort"));
        }
    }

    private static String onlineUrl(String url) {
        return url == null || url.isBlank() ? null : Links.http(url, "onlineUrl");
    }
}
