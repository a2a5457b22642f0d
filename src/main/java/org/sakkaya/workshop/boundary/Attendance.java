package org.sakkaya.workshop.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sakkaya.identity.boundary.People;
import org.sakkaya.identity.boundary.PersonSummary;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.RecordVersions;
import org.sakkaya.platform.Sha256;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.problem.Conflict;
import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.IdParameters;
import org.sakkaya.platform.problem.InvalidInput;
import org.sakkaya.platform.problem.NotFound;
import org.sakkaya.platform.problem.PreconditionFailed;
import org.sakkaya.platform.problem.RuleViolation;
import org.sakkaya.platform.problem.TooManyRequests;
import org.sakkaya.program.boundary.Cohorts;
import org.sakkaya.program.boundary.Enrollments;
import org.sakkaya.program.boundary.ResultInputsChanged;
import org.sakkaya.program.entity.Cohort;
import org.sakkaya.program.entity.Enrollment;
import org.sakkaya.workshop.control.AttendanceRate;
import org.sakkaya.workshop.control.CheckInCodes;
import org.sakkaya.workshop.control.CheckInPolicy;
import org.sakkaya.workshop.control.CheckInThrottle;
import org.sakkaya.workshop.control.NotSeated;
import org.sakkaya.workshop.control.WrongCheckInCode;
import org.sakkaya.workshop.entity.AttendanceRecord;
import org.sakkaya.workshop.entity.AttendanceStatus;
import org.sakkaya.workshop.entity.WorkshopSession;

/**
 * Attendance at workshop sessions: trainees check in with a short-lived code the trainer shows, trainers record
 * and correct everyone (their word overrides a check-in), and the attendance percentage per trainee follows the
 * rule in {@link AttendanceRate}. Other features (the pass policy, the gradebook) read the percentage through
 * {@link #percentFor} and {@link #percentsFor}.
 */
@ApplicationScoped
public class Attendance {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    @Inject
    Cohorts cohorts;

    @Inject
    Enrollments enrollments;

    @Inject
    People people;

    @Inject
    Sessions sessions;

    @Inject
    CohortAccess access;

    @Inject
    CheckInThrottle throttle;

    /** Tells the persisted pass decisions that this cohort's inputs changed. */
    @Inject
    Event<ResultInputsChanged> resultInputsChanged;

    @Inject
    @ConfigProperty(name = "sakkaya.checkin.code-seconds", defaultValue = "300")
    long codeSeconds;

    @Inject
    @ConfigProperty(name = "sakkaya.checkin.opens-minutes-before", defaultValue = "30")
    long opensMinutesBefore;

    @Inject
    @ConfigProperty(name = "sakkaya.checkin.grace-minutes", defaultValue = "15")
    long graceMinutes;

    /** One line of a session's attendance sheet; {@code record} is null while nothing is recorded. */
    public record Line(Enrollment seat, PersonSummary person, AttendanceRecord record) {
    }

    public record IssuedCode(String code, Instant expiresAt) {
    }

    /** One trainee's line of the cohort table: a status per session (null: none recorded), then the rate. */
    public record TableRow(Enrollment seat, PersonSummary person, List<AttendanceStatus> statuses, AttendanceRate rate) {
    }

    public record Table(Cohort cohort, List<WorkshopSession> sessions, List<TableRow> rows) {
    }

    /** The sheet after a bulk record, with its version ({@link #version}). */
    public record Recorded(List<Line> lines, String version) {
    }

    /** A page of the sheet, with its version for those who may write it (null for anyone else). */
    public record Sheet(Page<Line> page, String version) {
    }

    /**
     * A trainer's (or PROGRAM_ADMIN's) bulk record for one session. All rows are checked before any is written, and
     * a refused request writes nothing. Recording what is recorded already changes nothing, so the same request
     * twice leaves the same state.
     * <p>
     * With {@code ifMatch} (the {@code ETag} of the sheet the trainer read), a request that would change a record is
     * refused with 412 when the session's records changed since: a check-in, or another trainer's save, is not
     * overwritten by a sheet opened before it. The records are read under the session's lock for the comparison, so no check-in can
     * slip in between. A request that changes nothing succeeds whatever its {@code ifMatch}, so a retry of one that
     * was applied is not refused.
     * <p>
     * With or without {@code ifMatch}, saves and check-ins of one session take turns on the session's row, taken
     * before anything is read, so a save reads the records as the save before it left them: the same sheet saved twice
     * at once (a double click, a retry after a timeout) is applied once and both answer it, where the second read no
     * records while the first was writing them, inserted them again and got 409 {@code duplicate} (or 503, the two
     * inserts deadlocking).
     */
    @Transactional
    public Recorded record(String sessionId, List<AttendanceEntry> entries, String ifMatch) {
        Set<String> named = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            AttendanceEntry entry = entries.get(i);
            if (entry == null) {
                throw new InvalidInput("[" + i + "]", "must be an object with personId and status");
            }
            if (entry.personId() == null || entry.personId().isBlank()) {
                throw new InvalidInput("[" + i + "].personId", "must not be blank");
            }
            if (!IdParameters.recordId(entry.personId())) {
                throw new InvalidInput("[" + i + "].personId", "must be an id");
            }
            if (entry.status() == null) {
                throw new InvalidInput("[" + i + "].status", "must be PRESENT, LATE, EXCUSED or ABSENT");
            }
            if (!named.add(entry.personId())) {
                throw new InvalidInput("[" + i + "].personId", "appears more than once");
            }
        }
        // The session's row before anything is read (Sessions#findLocked says why): saves and check-ins
        // of one session take turns on it, and every plain read after it sees what the save or check-in before wrote.
        WorkshopSession session = sessions.findLocked(sessionId);
        Cohort cohort = cohorts.find(session.cohortId());
        if (!access.runs(cohort)) {
            throw new NotFound("Session", sessionId);
        }
        List<Enrollment> seated = enrollments.seated(cohort.id());
        Set<String> seatHolders = seated.stream().map(Enrollment::personId).collect(Collectors.toSet());
        List<FieldError> notSeated = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!seatHolders.contains(entries.get(i).personId())) {
                notSeated.add(new FieldError("[" + i + "].personId", "is not seated in this cohort"));
            }
        }
        if (!notSeated.isEmpty()) {
            throw new NotSeated(notSeated);
        }
        // before the session opens only a leave can be known: a PRESENT recorded a month early counted once the session
        // ended, whether the trainee came or not
        Instant now = clock.instant();
        Instant opens = policy().opensAt(session.startsAt());
        if (now.isBefore(opens)) {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).status() != AttendanceStatus.EXCUSED) {
                    throw new RuleViolation("session-not-started", "Attendance of a session is recorded from "
                            + Bangkok.text(opens) + "; before that a trainee can only be excused",
                            new FieldError("[" + i + "].status", "must be EXCUSED before the session opens"));
                }
            }
        }
        // Current though a plain read, as the session's row was taken before the transaction's first plain read. Not a
        // locking read: in a session without records, it would lock the index gap that another session's new records
        // go in too, and two saves of two such sessions, each holding that gap and inserting, would deadlock.
        List<AttendanceRecord> all = records(sessionId);
        Map<String, AttendanceRecord> existing = all.stream().filter(r -> named.contains(r.personId()))
                .collect(Collectors.toMap(AttendanceRecord::personId, Function.identity()));
        if (ifMatch != null) {
            boolean changes = entries.stream().anyMatch(entry -> {
                AttendanceRecord record = existing.get(entry.personId());
                return record == null || record.status() != entry.status();
            });
            if (changes && !RecordVersions.matches(ifMatch, version(all))) {
                throw new PreconditionFailed("attendance-changed", "The session's attendance changed since this sheet was "
                        + "read (a check-in, or another trainer's save): read it again, and save what is still to change");
            }
        }
        String trainer = access.callerId();
        boolean changed = false;
        for (AttendanceEntry entry : entries) {
            AttendanceRecord record = existing.get(entry.personId());
            String before = record == null ? null : record.status().name();
            if (record == null) {
                em.persist(AttendanceRecord.recordedBy(trainer, sessionId, entry.personId(), entry.status(), now));
            } else if (!record.record(entry.status(), trainer, now)) {
                continue;
            }
            changed = true;
            audit.record("ATTENDANCE_RECORDED", "session", sessionId,
                    "person " + entry.personId() + ": " + before + " -> " + entry.status());
        }
        // a save that changes nothing (a retry) leaves the cohort's decisions as they are
        if (changed) {
            resultInputsChanged.fire(new ResultInputsChanged(cohort.id()));
        }
        em.flush();
        // current, as the records above, with this save's own
        List<AttendanceRecord> current = records(sessionId);
        return new Recorded(lines(seated, current), version(current));
    }

    /**
     * The sheet's version, for {@code ETag} and {@code If-Match}: a digest of every record of the session (person,
     * status and the record's own version), whoever wrote it.
     */
    private static String version(List<AttendanceRecord> records) {
        StringBuilder state = new StringBuilder();
        records.stream().sorted(java.util.Comparator.comparing(AttendanceRecord::personId))
                .forEach(r -> state.append(r.personId()).append(':').append(r.status()).append(':').append(r.version()).append(';'));
        return Sha256.hex(state.toString()).substring(0, 32);
    }

    private List<AttendanceRecord> records(String sessionId) {
        return em.createQuery("SELECT r FROM AttendanceRecord r WHERE r.sessionId = :s", AttendanceRecord.class)
                .setParameter("s", sessionId).getResultList();
    }


    /**
     * A page of a session's sheet: every seat with its record, for PROGRAM_ADMIN and the cohort's trainers; HR's own
     * staff for HR; the caller's own line for a trainee. Seats in the order they were taken, as in the cohort's tables;
     * records and names are read for the page only, so a page costs the same few queries whatever the cohort's size.
     * One transaction, so that the lines and the version are read from one snapshot: a version newer than the lines
     * shown would let a save overwrite a check-in its trainer never saw.
     */
    @Transactional
    public Sheet sheet(String sessionId, PageRequest page) {
        WorkshopSession session = sessions.find(sessionId);
        Cohort cohort = cohorts.find(session.cohortId());
        if (!access.readsSchedule(cohort)) {
            throw new NotFound("Session", sessionId);
        }
        List<Enrollment> seats = access.readableSeats(cohort);
        int from = (int) Math.min(seats.size(), (long) page.page() * page.size());
        List<Enrollment> onPage = seats.subList(from, (int) Math.min(seats.size(), (long) from + page.size()));
        return new Sheet(new Page<>(lines(session, onPage), page.page(), page.size(), seats.size()),
                access.runs(cohort) ? version(records(sessionId)) : null);
    }

    /** A new code for the session, replacing the one before; only the cohort's own trainers make them. */
    @Transactional
    public IssuedCode issueCode(String sessionId) {
        WorkshopSession session = sessions.find(sessionId);
        if (!access.trains(cohorts.find(session.cohortId()))) {
            throw new NotFound("Session", sessionId);
        }
        Instant now = clock.instant();
        if (session.hasEnded(now)) {
            throw new RuleViolation("session-ended", "This session has ended; record the attendance instead");
        }
        String code = CheckInCodes.generate();
        Instant expiresAt = policy().codeExpiry(now);
        session.replaceCheckInCode(CheckInCodes.hash(sessionId, code), expiresAt);
        audit.record("CHECK_IN_CODE_ISSUED", "session", sessionId, "valid until " + expiresAt);
        return new IssuedCode(code, expiresAt);
    }

    /**
     * A seated trainee checks in with the code on the screen, during the session's check-in window, once. A wrong
     * code is counted (and the count kept although the check-in is refused); too many and the trainee asks the
     * trainer instead.
     */
    @Transactional(dontRollbackOn = {WrongCheckInCode.class, TooManyRequests.class})
    public AttendanceRecord checkIn(String sessionId, String code) {
        // The session's row first, before anything is read, as a save of the sheet takes it: check-ins and saves of the
        // session take turns, so one that comes while a save is writing the trainee's record waits for it and is told
        // the attendance is recorded (it read no record, inserted one and got 409 duplicate before). Before the seat,
        // as a change of the cohort's days and capacity locks its sessions before its seats (the other way round, the
        // two would wait for each other); before the throttle's row too, whose insert holds the session shared (two
        // check-ins holding it shared would each wait for the other to let go).
        WorkshopSession session = sessions.findLocked(sessionId);
        String me = access.callerId();
        // a locking read, taken before the throttle's row (as an attempt's start takes it first): a withdrawal
        // committing now is waited for, and no attendance is recorded after it
        if (!enrollments.isSeatedLocking(session.cohortId(), me)) {
            throw new NotFound("Session", sessionId);
        }
        Instant now = clock.instant();
        CheckInPolicy policy = policy();
        if (throttle.exhausted(sessionId, me)) {
            audit.record("CHECK_IN_THROTTLED", "session", sessionId, null);
            throw new TooManyRequests("Too many wrong codes for this session; ask your trainer to record your attendance",
                    Duration.between(now, session.endsAt()).toSeconds());
        }
        if (!policy.isOpen(session.startsAt(), session.endsAt(), now)) {
            throw new RuleViolation("check-in-closed", "Check-in to this session is open from "
                    + Bangkok.text(policy.opensAt(session.startsAt())) + " until " + Bangkok.text(session.endsAt()));
        }
        // A plain read, and current: the session's row was taken before the transaction's first plain read, so its
        // snapshot is taken under that lock, after whatever wrote this session's records. A locking read of a record that is not there
        // would lock the index gap it would go in, which the neighbouring session's check-ins may insert into: two
        // such check-ins, each holding the gap and inserting, would deadlock.
        if (!records(List.of(sessionId), Set.of(me)).isEmpty()) {
            throw new Conflict("attendance-recorded", "Your attendance at this session is recorded already");
        }
        switch (CheckInCodes.verify(session.checkInCodeHash(), session.checkInCodeExpiresAt(), sessionId, code, now)) {
            case EXPIRED -> throw new RuleViolation("check-in-code-expired",
                    "This code has expired; ask your trainer for a new one", new FieldError("code", "has expired"));
            case WRONG -> {
                throttle.failed(sessionId, me);
                audit.record("CHECK_IN_FAILED", "session", sessionId, null);
                throw new WrongCheckInCode();
            }
            case ACCEPTED -> {
            }
        }
        AttendanceRecord record = AttendanceRecord.checkIn(sessionId, me, policy.statusAt(session.startsAt(), now), now);
        em.persist(record);
        audit.record("CHECKED_IN", "session", sessionId, record.status().name());
        resultInputsChanged.fire(new ResultInputsChanged(session.cohortId()));
        return record;
    }

    /**
     * The cohort's table, trainee by session, with percentages: for those who run the cohort, and HR's own staff.
     * Like the percentage reads below, one transaction, so that its queries read one snapshot of the database.
     */
    @Transactional
    public Table table(String cohortId) {
        Cohort cohort = cohorts.find(cohortId);
        if (!access.runs(cohort) && !access.isHr()) {
            throw new NotFound("Cohort", cohortId);
        }
        List<WorkshopSession> schedule = sessions.ofCohort(cohortId);
        List<Enrollment> seats = access.readableSeats(cohort);
        Set<String> persons = seats.stream().map(Enrollment::personId).collect(Collectors.toSet());
        Map<String, Map<String, AttendanceStatus>> statuses = new HashMap<>();
        for (AttendanceRecord record : records(schedule.stream().map(WorkshopSession::id).toList(), persons)) {
            statuses.computeIfAbsent(record.personId(), p -> new HashMap<>()).put(record.sessionId(), record.status());
        }
        CohortRates rates = rates(cohortId, null);
        Map<String, PersonSummary> names = people.summaries(persons);
        List<TableRow> rows = seats.stream().map(seat -> {
            Map<String, AttendanceStatus> mine = statuses.getOrDefault(seat.personId(), Map.of());
            return new TableRow(seat, names.get(seat.personId()),
                    schedule.stream().map(s -> mine.get(s.id())).toList(),
                    rates.of(seat.personId()));
        }).toList();
        return new Table(cohort, schedule, rows);
    }

    /**
     * The person's attendance percentage in the cohort (two decimals), or empty when no session has ended (0.00
     * when every ended one was excused). No scope check: the calling feature has checked that its caller may know it.
     */
    @Transactional
    public Optional<BigDecimal> percentFor(String cohortId, String personId) {
        return rates(cohortId, personId).of(personId).percent();
    }

    /**
     * Percentages of the given people of the cohort, in two queries whatever their number, for tables such as the
     * gradebook. A person without a figure yet has no entry. No scope check, as {@link #percentFor}. For one person,
     * only that person's records are read (one trainee's result), with the same figure.
     */
    @Transactional
    public Map<String, BigDecimal> percentsFor(String cohortId, Collection<String> personIds) {
        Map<String, BigDecimal> percents = new HashMap<>();
        CohortRates rates = rates(cohortId, personIds.size() == 1 ? personIds.iterator().next() : null);
        personIds.forEach(personId -> rates.of(personId).percent().ifPresent(p -> percents.put(personId, p)));
        return percents;
    }

    /**
     * A cohort's tallies as the database counted them; anyone without a record has attended nothing. {@code endedFor}
     * holds the ended sessions of those seated after one had ended; everyone else is counted over all of them.
     */
    private record CohortRates(long ended, Map<String, Long> endedFor, Map<String, List<AttendanceRate.Tally>> tallies) {
        AttendanceRate of(String personId) {
            return AttendanceRate.of(endedFor.getOrDefault(personId, ended), tallies.getOrDefault(personId, List.of()));
        }
    }

    /**
     * The database counts records per person, status and whether the session has ended (one GROUP BY, a few rows
     * per trainee); the rule in {@link AttendanceRate} makes the figures. {@code personId} null: everyone.
     */
    private CohortRates rates(String cohortId, String personId) {
        Instant instant = clock.instant();
        LocalDateTime now = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        List<Instant> endings = em.createQuery("SELECT s.endsAt FROM WorkshopSession s WHERE s.cohortId = :cohort AND s.endsAt <= :now",
                        Instant.class)
                .setParameter("cohort", cohortId).setParameter("now", instant)
                .getResultList();
        var query = em.createNativeQuery("SELECT a.person_id, a.status, CASE WHEN s.ends_at <= ?2 THEN 1 ELSE 0 END AS ended, "
                        + "COUNT(*) FROM attendance_record a JOIN workshop_session s ON s.id = a.session_id "
                        + "WHERE s.cohort_id = ?1" + (personId == null ? "" : " AND a.person_id = ?3")
                        + " GROUP BY a.person_id, a.status, ended")
                .setParameter(1, cohortId)
                .setParameter(2, now);
        if (personId != null) {
            query.setParameter(3, personId);
        }
        Map<String, List<AttendanceRate.Tally>> tallies = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            tallies.computeIfAbsent((String) columns[0], p -> new ArrayList<>()).add(new AttendanceRate.Tally(
                    AttendanceStatus.valueOf((String) columns[1]), ((Number) columns[2]).intValue() == 1,
                    ((Number) columns[3]).longValue()));
        }
        return new CohortRates(endings.size(), endedSinceSeat(cohortId, personId, endings, instant), tallies);
    }

    /**
     * The ended sessions that count for trainees seated after one had ended (promoted from the waitlist, enrolled
     * late): those that ended after they took their seat, and those before it that they hold a record of. They were
     * not there to miss the others. Two queries whatever the number of trainees; the second reads only the records
     * of those seated late.
     */
    private Map<String, Long> endedSinceSeat(String cohortId, String personId, List<Instant> endings, Instant now) {
        if (endings.isEmpty()) {
            return Map.of();
        }
        Instant firstEnd = Collections.min(endings);
        Map<String, Instant> late = new HashMap<>();
        // for one person (their result), their own seat only: not every seat of the cohort
        Map<String, Instant> taken = personId == null ? enrollments.seatsTakenAt(cohortId)
                : enrollments.seatTakenAt(cohortId, personId).map(at -> Map.of(personId, at)).orElse(Map.of());
        taken.forEach((person, seat) -> {
            if (!seat.isBefore(firstEnd)) {
                late.put(person, seat);
            }
        });
        if (late.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> ended = new HashMap<>();
        late.forEach((person, seat) -> ended.put(person, endings.stream().filter(end -> end.isAfter(seat)).count()));
        em.createQuery("SELECT r.personId, s.endsAt FROM AttendanceRecord r, WorkshopSession s WHERE s.id = r.sessionId "
                        + "AND s.cohortId = :cohort AND s.endsAt <= :now AND r.personId IN :people", Object[].class)
                .setParameter("cohort", cohortId).setParameter("now", now).setParameter("people", late.keySet())
                .getResultList()
                .forEach(row -> {
                    if (!((Instant) row[1]).isAfter(late.get((String) row[0]))) {
                        ended.merge((String) row[0], 1L, Long::sum);
                    }
                });
        return ended;
    }

    private List<Line> lines(WorkshopSession session, List<Enrollment> seats) {
        Set<String> persons = seats.stream().map(Enrollment::personId).collect(Collectors.toSet());
        return lines(seats, records(List.of(session.id()), persons));
    }

    /** The seats' lines with the records given (the session's, or more). */
    private List<Line> lines(List<Enrollment> seats, List<AttendanceRecord> records) {
        Set<String> persons = seats.stream().map(Enrollment::personId).collect(Collectors.toSet());
        Map<String, AttendanceRecord> recorded = records.stream().filter(r -> persons.contains(r.personId()))
                .collect(Collectors.toMap(AttendanceRecord::personId, Function.identity()));
        Map<String, PersonSummary> names = people.summaries(persons);
        return seats.stream()
                .map(seat -> new Line(seat, names.get(seat.personId()), recorded.get(seat.personId())))
                .toList();
    }

    private List<AttendanceRecord> records(Collection<String> sessionIds, Collection<String> personIds) {
        if (sessionIds.isEmpty() || personIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT r FROM AttendanceRecord r WHERE r.sessionId IN :sessions AND r.personId IN :people",
                        AttendanceRecord.class)
                .setParameter("sessions", Set.copyOf(sessionIds))
                .setParameter("people", Set.copyOf(personIds))
                .getResultList();
    }

    /** When a session starting then opens for check-in, and for attendance other than leave. */
    public Instant checkInOpensAt(Instant startsAt) {
        return policy().opensAt(startsAt);
    }

    private CheckInPolicy policy() {
        return new CheckInPolicy(Duration.ofMinutes(opensMinutesBefore), Duration.ofMinutes(graceMinutes),
                Duration.ofSeconds(codeSeconds));
    }

}
