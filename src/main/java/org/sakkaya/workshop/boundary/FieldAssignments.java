package org.sakkaya.workshop.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.InvalidInput;
import org.sakkaya.platform.problem.NotFound;
import org.sakkaya.platform.problem.RuleViolation;
import org.sakkaya.program.boundary.Cohorts;
import org.sakkaya.program.entity.Cohort;
import org.sakkaya.workshop.entity.FieldAssignment;
import org.sakkaya.workshop.entity.WorkshopSession;
import org.sakkaya.platform.Bangkok;

/** Field work between sessions: PROGRAM_ADMIN sets it, everyone in the cohort reads it. */
@ApplicationScoped
public class FieldAssignments {
    /** A date-only deadline means the end of that day where the trainees are. */
    static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    @Inject
    Cohorts cohorts;

    @Inject
    Sessions sessions;

    @Inject
    CohortAccess access;

    /**
     * New field work; one that follows a session is due after the session ends as it is when this commits. Locks as a
     * change of the session does, cohort (shared) then session: a move of the session committing meanwhile is waited for
     * and its new end seen, and one that comes after waits for this and sees the field work. The cohort first also
     * because the insert's foreign key check holds it shared: taken after the session, it would wait for a change of
     * the cohort's days that waits for the session.
     */
    @Transactional
    public FieldAssignment create(String cohortId, FieldAssignmentRequest request) {
        cohorts.lockDays(cohortId);
        Instant due = due(request);
        String afterSessionId = Texts.blankToNull(request.afterSessionId());
        if (afterSessionId != null) {
            WorkshopSession after = em.find(WorkshopSession.class, afterSessionId, LockModeType.PESSIMISTIC_WRITE);
            if (after == null || !after.cohortId().equals(cohortId)) {
                throw new RuleViolation("unknown-session", "No session " + afterSessionId + " in this cohort",
                        new FieldError("afterSessionId", "is not a session of this cohort"));
            }
            if (!due.isAfter(after.endsAt())) {
                throw new RuleViolation("due-before-session", "Field work is due after the session it follows",
                        new FieldError(request.dueAt() != null ? "dueAt" : "dueOn", "must be after the session ends"));
            }
        }
        FieldAssignment assignment = new FieldAssignment(cohortId, request.title(), Texts.blankToNull(request.brief()), due,
                afterSessionId, clock.instant());
        em.persist(assignment);
        audit.record("FIELD_ASSIGNMENT_CREATED", "field-assignment", assignment.id(), "cohort " + cohortId);
        return assignment;
    }

    /** A page of the cohort's field assignments, by due time. */
    public Page<FieldAssignment> list(String cohortId, PageRequest page) {
        Cohort cohort = cohorts.find(cohortId);
        if (!access.readsSchedule(cohort)) {
            throw new NotFound("Cohort", cohortId);
        }
        var query = em.createQuery("SELECT a FROM FieldAssignment a WHERE a.cohortId = :cohort ORDER BY a.dueAt, a.id",
                        FieldAssignment.class)
                .setParameter("cohort", cohortId);
        long total = em.createQuery("SELECT COUNT(a) FROM FieldAssignment a WHERE a.cohortId = :cohort", Long.class)
                .setParameter("cohort", cohortId).getSingleResult();
        return new Page<>(page.apply(query).getResultList(), page.page(), page.size(), total);
    }

    public FieldAssignment get(String id) {
        FieldAssignment assignment = find(id);
        if (!access.readsSchedule(cohorts.find(assignment.cohortId()))) {
            throw new NotFound("Field assignment", id);
        }
        return assignment;
    }

    /** Without a scope check: for the use cases of this feature, which check scope themselves. */
    FieldAssignment find(String id) {
        return Optional.ofNullable(em.find(FieldAssignment.class, id)).orElseThrow(() -> new NotFound("Field assignment", id));
    }

    private static Instant due(FieldAssignmentRequest request) {
        if (request.dueAt() != null && request.dueOn() != null) {
            throw new InvalidInput("dueAt", "give dueOn or dueAt, not both");
        }
        if (request.dueAt() != null) {
            return request.dueAt().toInstant();
        }
        if (request.dueOn() != null) {
            return request.dueOn().atTime(END_OF_DAY).atZone(Bangkok.ZONE).toInstant();
        }
        throw new InvalidInput("dueOn", "give dueOn (a date) or dueAt (a time with offset)");
    }
}
