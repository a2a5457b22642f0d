package org.sakkaya.program.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sakkaya.identity.boundary.Organizations;
import org.sakkaya.identity.boundary.People;
import org.sakkaya.identity.entity.Role;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.RecordVersions;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.problem.Conflict;
import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.InvalidInput;
import org.sakkaya.platform.problem.NotFound;
import org.sakkaya.platform.problem.RuleViolation;
import org.sakkaya.platform.security.Caller;
import org.sakkaya.platform.security.Roles;
import org.sakkaya.program.control.FiscalYear;
import org.sakkaya.program.entity.Cohort;
import org.sakkaya.program.entity.PassPolicy;

/** Cohorts of programmes. Anyone signed in reads the catalogue; PROGRAM_ADMIN runs it. */
@ApplicationScoped
public class Cohorts {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    @Inject
    Caller caller;

    @Inject
    Programs programs;

    @Inject
    Organizations organizations;

    @Inject
    People people;

    @Inject
    Enrollments enrollments;

    @Inject
    Event<ResultInputsChanged> resultInputsChanged;

    @Inject
    Event<RequiredAssessmentsNamed> requiredAssessmentsNamed;

    @Inject
    Event<CohortDatesChanging> cohortDatesChanging;

    @Transactional
    public Cohort create(CohortRequest request) {
        programs.find(request.programId());
        requireOrganizer(request.organizerId());
        requireFreeNumber(request.programId(), request.number(), null);
        Cohort cohort = new Cohort(request.programId(), request.number(), request.nameTh(), request.organizerId(),
                request.startsOn(), request.endsOn(), request.capacity(), Boolean.TRUE.equals(request.enrollmentOpen()),
                request.passPolicy() == null ? PassPolicy.none() : request.passPolicy().toPolicy(), clock.instant());
        requireOwnAssessments(cohort.id(), cohort.passPolicy());
        em.persist(cohort);
        audit.record("COHORT_CREATED", "cohort", cohort.id(), null);
        return cohort;
    }

    /** Changes a cohort; with {@code ifMatch} (its {@code ETag}), only the version that was read. */
    @Transactional
    public Cohort update(String id, CohortPatch patch, String ifMatch) {
        // the same lock as enrolment takes: a capacity change and an enrolment never interleave
        Cohort cohort = lock(id);
        RecordVersions.requireMatch(ifMatch, cohort.version(), "cohort");
        PassPolicy policy = patch.passPolicy() == null ? null : patch.passPolicy().toPolicy();
        if (policy != null) {
            requireOwnAssessments(id, policy);
        }
        if (patch.number() != null && patch.number() != cohort.number()) {
            requireFreeNumber(cohort.programId(), patch.number(), id);
        }
        if (patch.organizerId() != null) {
            requireOrganizer(patch.organizerId());
        }
        cohort.rename(patch.number(), patch.nameTh(), patch.organizerId());
        if (patch.startsOn() != null || patch.endsOn() != null) {
            java.time.LocalDate startsOn = patch.startsOn() != null ? patch.startsOn() : cohort.startsOn();
            java.time.LocalDate endsOn = patch.endsOn() != null ? patch.endsOn() : cohort.endsOn();
            java.time.LocalDate wasStartsOn = cohort.startsOn();
            java.time.LocalDate wasEndsOn = cohort.endsOn();
            cohort.reschedule(startsOn, endsOn);
            if (!startsOn.equals(wasStartsOn) || !endsOn.equals(wasEndsOn)) {
                // the workshop feature refuses days that would leave one of its sessions outside the cohort (its
                // exception rolls the change back)
                cohortDatesChanging.fire(new CohortDatesChanging(cohort.id(), wasStartsOn, wasEndsOn, startsOn, endsOn));
            }
        }
        if (patch.enrollmentOpen() != null) {
            cohort.setEnrollmentOpen(patch.enrollmentOpen());
        }
        if (policy != null) {
            cohort.changePolicy(policy);
        }
        if (patch.capacity() != null) {
            // counted under the cohort's lock, so no enrolment slips in between the count and the change
            long taken = enrollments.seatsTaken(id);
            if (patch.capacity() < taken) {
                throw new RuleViolation("capacity-below-seats", "The cohort's seats are already taken beyond this capacity;"
                        + " withdraw trainees first", new FieldError("capacity", "is below the " + taken + " seats taken"));
            }
            cohort.resize(patch.capacity());
            // nobody moves up into a cohort whose results are final
            if (!cohort.ended(LocalDate.ofInstant(clock.instant(), Bangkok.ZONE))) {
                enrollments.fillFreeSeats(cohort);
            }
        }
        audit.record("COHORT_CHANGED", "cohort", id, null);
        resultInputsChanged.fire(new ResultInputsChanged(id));
        return RecordVersions.saved(em, cohort);
    }

    @Transactional
    public Cohort assignTrainer(String cohortId, String personId) {
        Cohort cohort = find(cohortId);
        people.summary(personId);
        if (!people.hasRole(personId, Role.TRAINER)) {
            throw new RuleViolation("not-a-trainer", "Only a person with the TRAINER role can train a cohort",
                    new FieldError("personId", "does not hold the TRAINER role"));
        }
        if (cohort.addTrainer(personId)) {
            audit.record("TRAINER_ASSIGNED", "cohort", cohortId, "trainer " + personId);
        }
        return cohort;
    }

    @Transactional
    public Cohort removeTrainer(String cohortId, String personId) {
        Cohort cohort = find(cohortId);
        if (cohort.removeTrainer(personId)) {
            audit.record("TRAINER_REMOVED", "cohort", cohortId, "trainer " + personId);
        }
        return cohort;
    }

    /**
     * A new cohort has no assessments yet, so a policy can name them only once they exist (PATCH). Checked before the
     * cohort is written or changed: the check's query flushes what the unit of work holds, and an id that cannot be
     * stored (Thai, in an ASCII column) failed that flush with a 500 instead of this 400.
     */
    private void requireOwnAssessments(String cohortId, PassPolicy policy) {
        if (!policy.requiredAssessmentIds().isEmpty()) {
            requiredAssessmentsNamed.fire(new RequiredAssessmentsNamed(cohortId, List.copyOf(policy.requiredAssessmentIds())));
        }
    }

    public Cohort find(String id) {
        return Optional.ofNullable(em.find(Cohort.class, id)).orElseThrow(() -> new NotFound("Cohort", id));
    }

    private static final int IDS_PER_QUERY = 1_000;

    /**
     * The assessments each cohort's pass policy requires, for many cohorts in one query per thousand: a check over
     * the cohorts an indicator counts asks once, not cohort by cohort. A cohort that requires none, or does not
     * exist, is not in the map. No access check: for callers that decided access themselves.
     */
    public Map<String, Set<String>> requiredAssessments(Collection<String> cohortIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(cohortIds));
        Map<String, Set<String>> required = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            em.createQuery("SELECT c FROM Cohort c WHERE c.id IN :ids", Cohort.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
                    .getResultList()
                    .forEach(c -> {
                        if (!c.passPolicy().requiredAssessmentIds().isEmpty()) {
                            required.put(c.id(), Set.copyOf(c.passPolicy().requiredAssessmentIds()));
                        }
                    });
        }
        return required;
    }

    /**
     * The caller is one of the cohort's trainers and still holds the TRAINER role. Taking the role away (an ADMIN
     * changing a person's roles) ends their staff access to every cohort they were assigned to, at their next token,
     * without having to remove them from each cohort first.
     */
    public boolean trainedByCaller(Cohort cohort) {
        return caller.is(Roles.TRAINER) && cohort.isTrainer(caller.personId());
    }

    /** PROGRAM_ADMIN, or one of the cohort's trainers as {@link #trainedByCaller} has it: who runs the cohort. */
    public boolean runByCaller(Cohort cohort) {
        return caller.is(Roles.PROGRAM_ADMIN) || trainedByCaller(cohort);
    }

    /**
     * The cohort, locked until the transaction ends, for a change that depends on its pass policy or its seats (what
     * {@link #update} changes under the same lock).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Cohort lockForChange(String id) {
        return lock(id);
    }

    /** The cohort, locked until the transaction ends: seat counts read after this are true until commit. */
    Cohort lock(String id) {
        return Optional.ofNullable(em.find(Cohort.class, id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NotFound("Cohort", id));
    }

    /** A cohort's first and last day (inclusive, Bangkok). */
    public record Days(LocalDate startsOn, LocalDate endsOn) {
    }

    /**
     * The cohort's days as last committed, with its row held shared until the caller's transaction ends, for a feature
     * that schedules something within them (a workshop session). A change of the days locks the row exclusively
     * ({@link #update}), so it waits for the caller, and its check of what lies within sees what the caller wrote;
     * and the caller, reading after a change committed, sees the new days. Read from the locking statement itself: a
     * plain read would come from the transaction's snapshot, which may be older than the lock. Shared, not
     * {@code PESSIMISTIC_READ}: EclipseLink writes that as {@code FOR UPDATE} on MariaDB, and two sessions scheduled at
     * once need not wait for each other. The caller locks the cohort before its own rows (cohort, then session), as the
     * change of days does.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Days lockDays(String id) {
        List<?> rows = em.createNativeQuery("SELECT starts_on, ends_on FROM cohort WHERE id = ?1 LOCK IN SHARE MODE")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw new NotFound("Cohort", id);
        }
        Object[] days = (Object[]) rows.get(0);
        return new Days(day(days[0]), day(days[1]));
    }

    private static LocalDate day(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    /** Cohorts by programme and by the Buddhist-era fiscal year they start in, soonest first. */
    public Page<Cohort> list(String programId, Integer fiscalYear, PageRequest page) {
        FiscalYear year;
        try {
            year = fiscalYear == null ? null : new FiscalYear(fiscalYear);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("fiscalYear", e.getMessage());
        }
        String where = " WHERE (:program IS NULL OR c.programId = :program)"
                + (year == null ? "" : " AND c.startsOn BETWEEN :first AND :last");
        var query = em.createQuery("SELECT c FROM Cohort c" + where + " ORDER BY c.startsOn, c.number, c.id", Cohort.class)
                .setParameter("program", programId);
        var count = em.createQuery("SELECT COUNT(c) FROM Cohort c" + where, Long.class).setParameter("program", programId);
        if (year != null) {
            query.setParameter("first", year.firstDay()).setParameter("last", year.lastDay());
            count.setParameter("first", year.firstDay()).setParameter("last", year.lastDay());
        }
        List<Cohort> items = page.apply(query).getResultList();
        return new Page<>(items, page.page(), page.size(), count.getSingleResult());
    }

    private void requireOrganizer(String organizerId) {
        try {
            organizations.find(organizerId);
        } catch (NotFound e) {
            throw new RuleViolation("unknown-organizer", "No organisation " + organizerId,
                    new FieldError("organizerId", "no such organisation"));
        }
    }

    private void requireFreeNumber(String programId, int number, String exceptId) {
        boolean taken = !em.createQuery("SELECT c.id FROM Cohort c WHERE c.programId = :program AND c.number = :number AND c.id <> :id", String.class)
                .setParameter("program", programId).setParameter("number", number)
                .setParameter("id", exceptId == null ? "" : exceptId)
                .setMaxResults(1).getResultList().isEmpty();
        if (taken) {
            throw new Conflict("duplicate-cohort-number", "The programme has a cohort number " + number + " already",
                    new FieldError("number", "is taken in this programme"));
        }
    }
}
