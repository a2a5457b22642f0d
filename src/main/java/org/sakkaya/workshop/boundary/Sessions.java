package org.sakkaya.workshop.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.problem.Conflict;
import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.NotFound;
import org.sakkaya.program.boundary.Cohorts;
import org.sakkaya.program.boundary.ResultInputsChanged;
import org.sakkaya.program.entity.Cohort;
import org.sakkaya.platform.Links;
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

    /** Tells the persisted pass decisions that this cohort's inputs changed. */
    @Inject
    Event<ResultInputsChanged> resultInputsChanged;

    @Transactional
    public WorkshopSession create(String cohortId, SessionRequest request) {
        cohorts.find(cohortId);
        requireFreeNumber(cohortId, request.number(), null);
        WorkshopSession session = new WorkshopSession(cohortId, request.number(), request.title(),
                request.startsAt().toInstant(), request.endsAt().toInstant(), Texts.blankToNull(request.venue()),
                onlineUrl(request.onlineUrl()), Texts.blankToNull(request.speaker()), clock.instant());
        em.persist(session);
        audit.record("SESSION_CREATED", "session", session.id(), "cohort " + cohortId + " number " + request.number());
        resultInputsChanged.fire(new ResultInputsChanged(cohortId));
        return session;
    }

    @Transactional
    public WorkshopSession update(String id, SessionPatch patch) {
        WorkshopSession session = find(id);
        if (patch.number() != null && patch.number() != session.number()) {
            requireFreeNumber(session.cohortId(), patch.number(), id);
        }
        if (patch.startsAt() != null || patch.endsAt() != null) {
            session.reschedule(patch.startsAt() != null ? patch.startsAt().toInstant() : session.startsAt(),
                    patch.endsAt() != null ? patch.endsAt().toInstant() : session.endsAt());
        }
        session.describe(patch.number(), patch.title(), patch.venue(), onlineUrl(patch.onlineUrl()), patch.speaker());
        audit.record("SESSION_CHANGED", "session", id, null);
        resultInputsChanged.fire(new ResultInputsChanged(session.cohortId()));
        return session;
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

    /** The cohort's sessions in their order. */
    public List<WorkshopSession> list(String cohortId) {
        Cohort cohort = cohorts.find(cohortId);
        if (!access.readsSchedule(cohort)) {
            throw new NotFound("Cohort", cohortId);
        }
        return ofCohort(cohortId);
    }

    List<WorkshopSession> ofCohort(String cohortId) {
        return em.createQuery("SELECT s FROM WorkshopSession s WHERE s.cohortId = :cohort ORDER BY s.number, s.startsAt",
                        WorkshopSession.class)
                .setParameter("cohort", cohortId)
                .getResultList();
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
