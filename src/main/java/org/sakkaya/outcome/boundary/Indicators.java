package org.sakkaya.outcome.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sakkaya.assessment.boundary.Assessments;
import org.sakkaya.assessment.boundary.PassResults;
import org.sakkaya.identity.boundary.Organizations;
import org.sakkaya.identity.boundary.People;
import org.sakkaya.identity.boundary.PersonSummary;
import org.sakkaya.outcome.control.Measurements;
import org.sakkaya.outcome.control.Measurements.Counted;
import org.sakkaya.outcome.control.Measurements.Figure;
import org.sakkaya.outcome.entity.AcademicOutput;
import org.sakkaya.outcome.entity.Indicator;
import org.sakkaya.outcome.entity.IndicatorActivity;
import org.sakkaya.outcome.entity.IndicatorSnapshot;
import org.sakkaya.outcome.entity.Measure;
import org.sakkaya.outcome.entity.Scope;
import org.sakkaya.outcome.entity.Unit;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.RecordVersions;
import org.sakkaya.platform.ThaiDates;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.problem.Conflict;
import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.NotFound;
import org.sakkaya.platform.problem.RuleViolation;
import org.sakkaya.platform.security.Caller;
import org.sakkaya.program.boundary.Cohorts;
import org.sakkaya.program.boundary.Programs;
import org.sakkaya.program.control.FiscalYear;
import org.sakkaya.program.entity.Cohort;

/**
 * Indicators (ตัวชี้วัด) and their plans. PROGRAM_ADMIN writes them; PROGRAM_ADMIN and EXECUTIVE read them and
 * their status (the resource's roles decide; indicators are the organisation's public plan, not per-organisation
 * data). Status is computed live, in SQL, from the data ({@link Measurements}); closing a finished fiscal year
 * freezes each activity's figures and the ids of the records counted in a snapshot that later changes never touch.
 */
@ApplicationScoped
public class Indicators {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    @Inject
    Organizations organizations;

    @Inject
    Programs programs;

    @Inject
    Cohorts cohorts;

    @Inject
    People people;

    @Inject
    PassResults passResults;

    @Inject
    Assessments assessments;

    @Inject
    Measurements measurements;

    /** This facade through its proxy, for {@link #close}'s own transaction after the refresh. */
    @Inject
    Indicators self;

    @Transactional
    public Indicator create(IndicatorRequest request) {
        FiscalYear year = Reports.fiscalYear(request.fiscalYear());
        String code = heading(request, year, null);
        for (int i = 0; i < request.activities().size(); i++) {
            if (request.activities().get(i).id() != null) {
                throw new RuleViolation("activity-id", "A new indicator's activities get their ids when it is created",
                        new FieldError("activities[" + i + "].id", "must be left out: the indicator has no activities yet"));
            }
        }
        Indicator indicator = new Indicator(code, request.nameTh().strip(), year, request.ownerOrganizationId(), caller.personId(), clock.instant());
        em.persist(indicator);
        em.flush(); // the activities refer to it; EclipseLink orders only mapped relationships
        for (int i = 0; i < request.activities().size(); i++) {
            em.persist(activity(indicator.id(), i, request.activities().get(i), year));
        }
        audit.record("INDICATOR_CREATED", "indicator", indicator.id(), year.buddhistYear() + " " + code);
        return indicator;
    }

    /**
     * The plan as corrected, while the indicator is open: a target set later by the planning division, a scope or a
     * year typed wrong, a line added or taken out. Lines sent with their {@code id} are changed in place and keep it
     * (a drill-down's address stays); lines without one are new; lines not sent are removed. With {@code ifMatch}
     * (the {@code ETag} read), only the version that was read. A closed indicator is refused (409).
     */
    @Transactional
    public Indicator replace(String id, IndicatorRequest request, String ifMatch) {
        Indicator indicator = find(id);
        indicator.requireOpen("changed");
        RecordVersions.requireMatch(ifMatch, indicator.version(), "indicator");
        FiscalYear year = Reports.fiscalYear(request.fiscalYear());
        String code = heading(request, year, id);
        Map<String, IndicatorActivity> current = new HashMap<>();
        activities(id).forEach(a -> current.put(a.id(), a));
        List<IndicatorActivity> revised = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (int i = 0; i < request.activities().size(); i++) {
            IndicatorRequest.ActivityRequest r = request.activities().get(i);
            if (r.id() != null && (!current.containsKey(r.id()) || !kept.add(r.id()))) {
                throw new RuleViolation("activity-id", "An activity's id names a line of this indicator's plan, once",
                        new FieldError("activities[" + i + "].id", current.containsKey(r.id()) ? "is given twice"
                                : "is not an activity of this indicator; leave it out for a new line"));
            }
            revised.add(activity(id, i, r, year)); // checked as a create checks it
        }
        indicator.revise(code, request.nameTh().strip(), year, request.ownerOrganizationId());
        // the removed lines go, and the kept ones step aside, before any line takes its new place: (indicator,
        // position) is unique, and lines may swap places
        for (IndicatorActivity a : current.values()) {
            if (kept.contains(a.id())) {
                a.moveAside(a.position());
            } else {
                em.remove(a);
            }
        }
        em.flush();
        for (int i = 0; i < revised.size(); i++) {
            String lineId = request.activities().get(i).id();
            if (lineId == null) {
                em.persist(revised.get(i));
            } else {
                current.get(lineId).revise(revised.get(i), i);
            }
        }
        RecordVersions.saved(em, indicator);
        audit.record("INDICATOR_CHANGED", "indicator", id, year.buddhistYear() + " " + code + ": " + revised.size()
                + " activities, " + (current.size() - kept.size()) + " removed");
        return indicator;
    }

    /**
     * An indicator made by mistake, while it is open; a closed one is what was reported for its year, and stays
     * (409). With {@code ifMatch}, only the version that was read.
     */
    @Transactional
    public void delete(String id, String ifMatch) {
        Indicator indicator = find(id);
        indicator.requireOpen("deleted");
        RecordVersions.requireMatch(ifMatch, indicator.version(), "indicator");
        activities(id).forEach(em::remove);
        em.flush();
        em.remove(indicator);
        audit.record("INDICATOR_DELETED", "indicator", id, indicator.fiscalYear().buddhistYear() + " " + indicator.code());
    }

    /**
     * The owner exists and the code is free in the owner's plan of the year (but for the indicator {@code self} being
     * corrected); the code as it is kept.
     */
    private String heading(IndicatorRequest request, FiscalYear year, String self) {
        exists("ownerOrganizationId", () -> organizations.find(request.ownerOrganizationId()));
        String code = request.code().strip();
        // codes are numbered within each owner's plan: two departments may each have a 1.33 in the same year
        if (em.createQuery("SELECT i.id FROM Indicator i WHERE i.fiscalYear = :year AND i.ownerOrganizationId = :owner "
                        + "AND i.code = :code", String.class)
                .setParameter("year", year.buddhistYear()).setParameter("owner", request.ownerOrganizationId())
                .setParameter("code", code).getResultList().stream().anyMatch(other -> !other.equals(self))) {
            throw new Conflict("indicator-code-taken", "The owner has an indicator " + code + " in fiscal year "
                    + year.buddhistYear() + " already", new FieldError("code", "is taken in this fiscal year by this owner"));
        }
        return code;
    }

    public Indicator find(String id) {
        return Optional.ofNullable(em.find(Indicator.class, id)).orElseThrow(() -> new NotFound("Indicator", id));
    }

    public List<IndicatorActivity> activities(String indicatorId) {
        return em.createQuery("SELECT a FROM IndicatorActivity a WHERE a.indicatorId = :id ORDER BY a.position", IndicatorActivity.class)
                .setParameter("id", indicatorId).getResultList();
    }

    /** The activities of each of the given indicators, in plan order, in one query whatever their number. */
    public Map<String, List<IndicatorActivity>> activities(Collection<Indicator> indicators) {
        if (indicators.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT a FROM IndicatorActivity a WHERE a.indicatorId IN :ids ORDER BY a.indicatorId, a.position",
                        IndicatorActivity.class)
                .setParameter("ids", indicators.stream().map(Indicator::id).collect(Collectors.toSet()))
                .getResultList().stream()
                .collect(Collectors.groupingBy(IndicatorActivity::indicatorId, Collectors.toList()));
    }

    public Page<Indicator> list(Integer fiscalYear, PageRequest page) {
        String where = fiscalYear == null ? "" : " WHERE i.fiscalYear = :year";
        var query = em.createQuery("SELECT i FROM Indicator i" + where + " ORDER BY i.fiscalYear DESC, i.code, i.id", Indicator.class);
        var count = em.createQuery("SELECT COUNT(i) FROM Indicator i" + where, Long.class);
        if (fiscalYear != null) {
            int year = Reports.fiscalYear(fiscalYear).buddhistYear();
            query.setParameter("year", year);
            count.setParameter("year", year);
        }
        return new Page<>(page.apply(query).getResultList(), page.page(), page.size(), count.getSingleResult());
    }

    /** Every indicator of a fiscal year, for the year's report. */
    public List<Indicator> ofYear(FiscalYear year) {
        return em.createQuery("SELECT i FROM Indicator i WHERE i.fiscalYear = :year ORDER BY i.code, i.id", Indicator.class)
                .setParameter("year", year.buddhistYear()).getResultList();
    }

    /** Live figures of every activity, with the first {@code recordsLimit} records of each, and the snapshot if closed. */
    public IndicatorStatus status(String id, int recordsLimit) {
        Indicator indicator = find(id);
        List<IndicatorActivity> activities = activities(id);
        FiscalYear year = indicator.fiscalYear();
        refresh(activities, year);
        Map<String, IndicatorSnapshot> frozen = new HashMap<>();
        em.createQuery("SELECT s FROM IndicatorSnapshot s WHERE s.indicatorId = :id", IndicatorSnapshot.class)
                .setParameter("id", id).getResultList().forEach(s -> frozen.put(s.activityId(), s));
        Instant asOf = clock.instant();
        Measurements.Counting counting = measurements.counting(year, recordsLimit > 0);
        List<Figure> figures = new ArrayList<>();
        List<List<Counted>> counted = new ArrayList<>();
        for (IndicatorActivity a : activities) {
            figures.add(counting.figure(a.measure(), a.scope()));
            counted.add(recordsLimit == 0 ? List.of() : counting.records(a.measure(), a.scope(), 0, recordsLimit));
        }
        List<List<IndicatorStatus.Record>> records = named(counted);
        List<IndicatorStatus.Activity> lines = new ArrayList<>();
        int achieved = 0;
        for (int i = 0; i < activities.size(); i++) {
            IndicatorActivity a = activities.get(i);
            Figure figure = figures.get(i);
            boolean met = a.achievedBy(figure.numerator(), figure.denominator(), figure.actual());
            achieved += met ? 1 : 0;
            IndicatorSnapshot s = frozen.get(a.id());
            IndicatorStatus.Frozen snapshot = s == null ? null : new IndicatorStatus.Frozen(s.numerator(), s.denominator(), s.actual(),
                    s.achieved(), Bangkok.time(s.asOf()), s.recordCount());
            lines.add(new IndicatorStatus.Activity(a.id(), a.position(), a.title(), a.measure(), a.strategy(), a.target(), a.unit(),
                    a.unit().th(), a.startsOn(), a.dueOn(), a.periodNote(), figure.numerator(), figure.denominator(), figure.actual(),
                    met, Bangkok.time(asOf), figure.total(), records.get(i), snapshot));
        }
        return new IndicatorStatus(indicator.id(), indicator.code(), indicator.nameTh(), year.buddhistYear(), year.firstDay(),
                year.lastDay(), indicator.closed(), Bangkok.time(indicator.closedAt()), Bangkok.time(asOf), achieved,
                activities.size(), lines);
    }

    /** The drill-down of one activity, a page at a time: live, or as frozen at closing. */
    public Page<IndicatorStatus.Record> records(String indicatorId, String activityId, boolean frozen, PageRequest page) {
        Indicator indicator = find(indicatorId);
        IndicatorActivity activity = activities(indicatorId).stream().filter(a -> a.id().equals(activityId)).findFirst()
                .orElseThrow(() -> new NotFound("Activity", activityId));
        int offset = Math.multiplyExact(page.page(), page.size());
        if (frozen) {
            IndicatorSnapshot snapshot = Optional.ofNullable(em.find(IndicatorSnapshot.class, activityId))
                    .orElseThrow(() -> new NotFound("Snapshot of activity", activityId));
            return new Page<>(named(List.of(measurements.frozenRecords(activityId, offset, page.size()))).get(0), page.page(),
                    page.size(), snapshot.recordCount());
        }
        FiscalYear year = indicator.fiscalYear();
        refresh(List.of(activity), year);
        Measurements.Counting counting = measurements.counting(year, true);
        long total = counting.recordCount(activity.measure(), activity.scope());
        return new Page<>(named(List.of(counting.records(activity.measure(), activity.scope(), offset, page.size()))).get(0),
                page.page(), page.size(), total);
    }

    /**
     * Freezes every activity's figures and the records counted, once the fiscal year is over (in Bangkok) and the
     * results of every cohort the figures count are final: the cohort has ended and none of its counted assessments is
     * still open or has hand-ins waiting to be graded or released ({@link Assessments#stillOpen}). The live figures go
     * on being computed beside the snapshot.
     * <p>
     * The stale pass decisions are refreshed first, each in a transaction of its own, and committed before the
     * snapshot's transaction begins: a transaction reads from the snapshot its first read took, so refreshing inside
     * it would freeze the decisions from before a late grade. For the same reason the close runs outside any
     * transaction of the request's (an {@code Idempotency-Key}'s): the choice of what to refresh must see a late grade.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Indicator close(String id) {
        Indicator indicator = find(id);
        FiscalYear year = indicator.fiscalYear();
        List<IndicatorActivity> activities = activities(id);
        LocalDate today = LocalDate.now(clock.withZone(Bangkok.ZONE));
        indicator.requireClosable(today);
        // once per scope: activities of one programme or cohort count the same cohorts
        List<Scope> scopes = activities.stream().filter(a -> a.measure() != Measure.OUTPUTS_PRESENTED)
                .map(IndicatorActivity::scope).distinct().toList();
        Set<String> running = new LinkedHashSet<>();
        scopes.forEach(scope -> running.addAll(measurements.runningCohorts(scope, year, today)));
        if (!running.isEmpty()) {
            throw new RuleViolation("cohorts-running", "Cohorts counted by this indicator have not ended yet ("
                    + String.join(", ", running) + "): close it once their results are final");
        }
        // a cohort's last day is not the end of its results: work due after it (a project handed in a month later, an
        // extension), or handed in and not graded yet, would be frozen as missing, counting 0
        Set<String> counted = new LinkedHashSet<>();
        scopes.forEach(scope -> counted.addAll(measurements.countedCohorts(scope, year)));
        List<Assessments.Open> open = assessments.stillOpen(counted);
        if (!open.isEmpty()) {
            String type = Assessments.Open.problemType(open);
            throw new RuleViolation(type, (type.equals("assessments-open") ? "Assessments of cohorts counted by this indicator are "
                    + "still open (" : "Hand-ins to assessments of cohorts counted by this indicator are not graded yet (")
                    + Assessments.Open.listed(open) + "): close it once they have closed and every hand-in is graded and "
                    + "released, when the results are final");
        }
        // a grade committed between the refresh and the snapshot's first read leaves a cohort stale in the snapshot:
        // the freeze then refuses, and the decisions are refreshed again
        for (int tries = 1; ; tries++) {
            refresh(activities, year);
            try {
                return self.freeze(id);
            } catch (StaleSnapshot stale) {
                if (tries == FREEZE_TRIES) {
                    throw new Conflict("figures-changing", "Results of the cohorts this indicator counts are being "
                            + "changed right now (grades or attendance); close it again in a moment");
                }
            }
        }
    }

    private static final int FREEZE_TRIES = 5;

    /** The snapshot would freeze out-of-date decisions: rolled back, and the close refreshes them again. */
    static final class StaleSnapshot extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StaleSnapshot() {
            super("a counted cohort's decisions changed after the refresh", null, false, false);
        }
    }

    /**
     * The snapshot of {@link #close}, in a transaction of its own even when the request has one (an
     * {@code Idempotency-Key}), so that it reads the refreshed decisions; not a use case on its own.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Indicator freeze(String id) {
        Indicator indicator = find(id);
        Instant now = clock.instant();
        FiscalYear year = indicator.fiscalYear();
        List<IndicatorActivity> activities = activities(id);
        // in this transaction's view: a cohort that went stale after the refresh is refreshed again. The records are
        // then written by INSERT ... SELECT, which reads the newest committed rows and holds shared locks on them until
        // this transaction ends (a refresh of a counted cohort waits meanwhile); the figures are counted from the rows
        // written, so that they agree
        if (stale(activities, year)) {
            throw new StaleSnapshot();
        }
        indicator.close(LocalDate.now(clock.withZone(Bangkok.ZONE)), caller.personId(), now);
        for (IndicatorActivity a : activities) {
            IndicatorSnapshot snapshot = new IndicatorSnapshot(a.id(), id, now);
            em.persist(snapshot);
            em.flush(); // the snapshot's row first: its records refer to it
            Figure figure = measurements.freeze(a.measure(), a.scope(), year, a.id());
            snapshot.counted(figure.numerator(), figure.denominator(), figure.actual(),
                    a.achievedBy(figure.numerator(), figure.denominator(), figure.actual()));
        }
        audit.record("INDICATOR_CLOSED", "indicator", id, year.buddhistYear() + " " + indicator.code());
        return indicator;
    }

    /**
     * The cohorts whose pass decisions a trainee measure counts: every cohort of the year for an activity scoped to
     * neither programme nor cohorts, a programme's cohorts of the year, the cohorts named.
     */
    private record Counts(boolean wholeYear, Set<String> programIds, Set<String> cohortIds) {
        static Counts of(List<IndicatorActivity> activities) {
            boolean wholeYear = false;
            Set<String> programs = new LinkedHashSet<>();
            Set<String> cohorts = new LinkedHashSet<>();
            for (IndicatorActivity a : activities) {
                if (!a.measure().countsTrainees()) {
                    continue;
                }
                if (!a.scope().cohortIds().isEmpty()) {
                    cohorts.addAll(a.scope().cohortIds());
                } else if (a.scope().programId() != null) {
                    programs.add(a.scope().programId());
                } else {
                    wholeYear = true;
                }
            }
            return new Counts(wholeYear, programs, cohorts);
        }
    }

    /** Whether a cohort a trainee measure counts has decisions out of date, as the caller's transaction sees it. */
    private boolean stale(List<IndicatorActivity> activities, FiscalYear year) {
        Counts counts = Counts.of(activities);
        return passResults.anyStale(year.firstDay(), year.lastDay(), counts.wholeYear(), counts.programIds(), counts.cohortIds());
    }

    /** Pass decisions of the cohorts a trainee measure counts are brought up to date first, and only theirs. */
    private void refresh(List<IndicatorActivity> activities, FiscalYear year) {
        Counts counts = Counts.of(activities);
        if (counts.wholeYear()) {
            passResults.refreshStale(year.firstDay(), year.lastDay());
        } else {
            passResults.refreshStale(year.firstDay(), year.lastDay(), counts.programIds());
        }
        passResults.refreshStale(counts.cohortIds());
    }

    /**
     * Names are looked up now, from the person records: an erased person shows as erased, in snapshots too. The
     * lists are named together, with one look-up of people (and one of works) for all of them.
     */
    private List<List<IndicatorStatus.Record>> named(List<List<Counted>> lists) {
        Set<String> people = new HashSet<>();
        Set<String> outputIds = new HashSet<>();
        lists.forEach(counted -> counted.forEach(c -> {
            if (c.personId() != null) {
                people.add(c.personId());
            }
            if ("OUTPUT".equals(c.type())) {
                outputIds.add(c.id());
            }
        }));
        Map<String, List<String>> authorIds = new HashMap<>();
        if (!outputIds.isEmpty()) {
            em.createQuery("SELECT w FROM AcademicOutput w WHERE w.id IN :ids", AcademicOutput.class)
                    .setParameter("ids", outputIds).getResultList()
                    .forEach(w -> {
                        List<String> ids = w.authors().stream().map(a -> a.personId()).toList();
                        authorIds.put(w.id(), ids);
                        people.addAll(ids);
                    });
        }
        Map<String, PersonSummary> names = this.people.summaries(people);
        return lists.stream().map(counted -> counted.stream().map(c -> new IndicatorStatus.Record(c.type(), c.id(), c.personId(),
                c.personId() == null || !names.containsKey(c.personId()) ? null : names.get(c.personId()).fullNameTh(),
                c.organizationId(), c.cohortId(), c.passed(), c.title(), c.on(),
                "OUTPUT".equals(c.type()) ? authorIds.getOrDefault(c.id(), List.of()).stream()
                        .map(p -> names.containsKey(p) ? names.get(p).fullNameTh() : null).toList() : null)).toList()).toList();
    }

    private IndicatorActivity activity(String indicatorId, int i, IndicatorRequest.ActivityRequest r, FiscalYear year) {
        String field = "activities[" + i + "].";
        // the plan of a fiscal year, judged when the year ends: a period outside it (a year typed wrong) was stored as
        // typed and shown against the wrong year
        requireWithin(year, field + "startsOn", r.startsOn());
        requireWithin(year, field + "dueOn", r.dueOn());
        if (r.unit() != r.measure().unit()) {
            throw new RuleViolation("unit-mismatch", r.measure() + " is counted in " + r.measure().unit(),
                    new FieldError(field + "unit", "must be " + r.measure().unit() + " for " + r.measure()));
        }
        if (r.unit() == Unit.PERCENT && r.target().compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new RuleViolation("target-range", "A percentage target is at most 100", new FieldError(field + "target", "must be at most 100"));
        }
        // persons and works are counted whole: a target of 2.5 persons was kept and printed as "2.50 คน"
        if (r.unit() != Unit.PERCENT && r.target().stripTrailingZeros().scale() > 0) {
            throw new RuleViolation("target-range", r.unit() + " targets are counts", new FieldError(field + "target",
                    "must be a whole number of " + (r.unit() == Unit.PERSON ? "persons" : "works")));
        }
        if (r.startsOn() != null && r.dueOn() != null && r.dueOn().isBefore(r.startsOn())) {
            throw new RuleViolation("activity-period", "An activity is due on or after it starts",
                    new FieldError(field + "dueOn", "must be on or after startsOn"));
        }
        IndicatorRequest.ScopeRequest s = r.scope() == null ? new IndicatorRequest.ScopeRequest(null, null, null) : r.scope();
        if (s.programId() != null) {
            exists(field + "scope.programId", () -> programs.find(s.programId()));
        }
        if (s.organizationId() != null) {
            exists(field + "scope.organizationId", () -> organizations.find(s.organizationId()));
        }
        List<String> cohortIds = s.cohortIds() == null ? List.of() : s.cohortIds();
        for (int c = 0; c < cohortIds.size(); c++) {
            String cohortField = field + "scope.cohortIds[" + c + "]";
            String cohortId = cohortIds.get(c);
            Cohort cohort = exists(cohortField, () -> cohorts.find(cohortId));
            if (s.programId() != null && !cohort.programId().equals(s.programId())) {
                throw new RuleViolation("scope-mismatch", "A named cohort must be of the scope's programme",
                        new FieldError(cohortField, "is not a cohort of programme " + s.programId()));
            }
        }
        return new IndicatorActivity(indicatorId, i, r.title().strip(), r.measure(),
                new Scope(s.programId(), new HashSet<>(cohortIds), s.organizationId()), r.target(), r.unit(), r.startsOn(),
                r.dueOn(), r.periodNote() == null || r.periodNote().isBlank() ? null : r.periodNote().strip(), r.strategy());
    }

    private static void requireWithin(FiscalYear year, String field, LocalDate date) {
        if (date != null && !year.contains(date)) {
            throw new RuleViolation("activity-period", "An activity's period lies within its indicator's fiscal year "
                    + year.buddhistYear() + " (" + year.firstDay() + " to " + year.lastDay() + ")",
                    new FieldError(field, "must be within fiscal year " + year.buddhistYear() + ", "
                            + ThaiDates.longForm(year.firstDay()) + " to " + ThaiDates.longForm(year.lastDay())));
        }
    }

    /** A reference in a request that names nothing is the client's mistake about a field (422), not a missing resource. */
    private static <T> T exists(String field, java.util.function.Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (NotFound missing) {
            throw new RuleViolation("unknown-reference", missing.getMessage(), new FieldError(field, "does not exist"));
        }
    }
}
