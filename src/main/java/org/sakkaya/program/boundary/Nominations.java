package org.sakkaya.program.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sakkaya.identity.boundary.OrganizationScope;
import org.sakkaya.identity.boundary.Organizations;
import org.sakkaya.identity.boundary.People;
import org.sakkaya.identity.boundary.PersonRequest;
import org.sakkaya.identity.entity.Organization;
import org.sakkaya.identity.entity.Person;
import org.sakkaya.identity.entity.PersonName;
import org.sakkaya.identity.entity.Role;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.problem.DomainException;
import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.RuleViolation;
import org.sakkaya.platform.security.Caller;
import org.sakkaya.platform.security.Roles;
import org.sakkaya.program.control.NominationSheet;
import org.sakkaya.program.control.NominationSheet.Column;
import org.sakkaya.program.entity.Cohort;
import org.sakkaya.program.entity.Enrollment;
import org.sakkaya.program.entity.EnrollmentStatus;

/**
 * HR nominates a list of its staff to a cohort in one go, from a spreadsheet ({@link NominationSheet}): each row's
 * address finds the person among HR's own staff, or registers them as a trainee with an invitation (as
 * {@code POST /people} does), and the person is nominated as {@code POST /cohorts/{id}/enrollments} nominates.
 * <p>
 * All or nothing, in one transaction: every row is checked before anything is written, and every mistake found is
 * answered at once, by row and column, so that HR corrects the file and sends it again. A person already in the cohort
 * (nominated, enrolled or waiting) is left as they are, so the same file sent twice nominates nobody twice. A person
 * found is not changed by the file: their record is HR's to correct with {@code PATCH /people/{id}}.
 */
@ApplicationScoped
public class Nominations {
    /** At most this many mistakes are listed; a file wrong in every row is answered with its first ones. */
    static final int MAX_ERRORS = 100;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    Cohorts cohorts;

    @Inject
    Enrollments enrollments;

    @Inject
    People people;

    @Inject
    Organizations organizations;

    @Inject
    OrganizationScope scope;

    @Inject
    Validator validator;

    @Inject
    Audit audit;

    public enum Outcome {
        /** Registered now (a trainee with an invitation), and nominated. */
        REGISTERED,
        /** Found among HR's staff, and nominated (again, after a withdrawal). */
        NOMINATED,
        /** Found, and in the cohort already: left as they were. */
        ALREADY_IN_COHORT
    }

    public record Nominated(long row, Outcome outcome, Person person, Enrollment enrollment, EnrollmentStatus status,
                            String invitationToken, Instant invitationExpiresAt) {
    }

    /** What a row is, once checked: the person found, or the registration to make. */
    private record Planned(NominationSheet.Row row, Person found, PersonRequest registration) {
    }

    @Transactional
    public List<Nominated> nominate(String cohortId, String csv) {
        // a file that cannot be read is refused as any malformed body is, before the cohort is looked at
        NominationSheet.Read read = NominationSheet.read(csv);
        if (!read.errors().isEmpty()) {
            throw new SheetMistakes(read.errors());
        }
        // the cohort locked as an enrolment locks it, before anything is read: its seats and rows stay as this leaves them
        Cohort cohort = cohorts.lock(cohortId);
        if (!caller.is(Roles.PROGRAM_ADMIN) && cohort.ended(LocalDate.ofInstant(clock.instant(), Bangkok.ZONE))) {
            throw new RuleViolation("cohort-ended", "The cohort ended on " + cohort.endsOn() + "; it takes no more enrolments");
        }
        List<FieldError> errors = new ArrayList<>();
        List<Planned> plan = plan(read.rows(), errors);
        if (!errors.isEmpty()) {
            throw new SheetMistakes(errors);
        }
        List<Nominated> done = new ArrayList<>();
        for (Planned planned : plan) {
            try {
                done.add(carryOut(cohortId, planned));
            } catch (DomainException refused) {
                // a rule met only while writing (an address registered by someone else this very moment): the whole
                // file is rolled back, and the answer names the row
                throw new RowRefused(planned.row(), refused);
            }
        }
        long registered = done.stream().filter(n -> n.outcome() == Outcome.REGISTERED).count();
        long unchanged = done.stream().filter(n -> n.outcome() == Outcome.ALREADY_IN_COHORT).count();
        audit.record("NOMINATIONS_IMPORTED", "cohort", cohortId, "rows=" + done.size() + " registered=" + registered
                + " nominated=" + (done.size() - unchanged) + " unchanged=" + unchanged);
        return done;
    }

    private List<Planned> plan(List<NominationSheet.Row> rows, List<FieldError> errors) {
        Map<String, Long> rowOfAddress = new HashMap<>();
        Map<String, Optional<Organization>> byCode = new HashMap<>();
        List<Planned> plan = new ArrayList<>();
        for (NominationSheet.Row row : rows) {
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
            String email = row.get(Column.EMAIL);
            if (email == null) {
                errors.add(new FieldError(row.field(Column.EMAIL), "must not be blank"));
                continue;
            }
            Long earlier = rowOfAddress.putIfAbsent(Person.normalizeEmail(email), row.number());
            if (earlier != null) {
                errors.add(new FieldError(row.field(Column.EMAIL), "is on row " + earlier + " already"));
                continue;
            }
            Optional<Person> found = people.byEmail(email);
            if (found.isPresent()) {
                Person person = found.get();
                if (person.erased() || !scope.hrCovers(person.organizationId())) {
                    // what POST /people answers for this address too: it is someone's, and not HR's to nominate
                    errors.add(new FieldError(row.field(Column.EMAIL), "is registered to someone outside the organisations you manage"));
                } else {
                    plan.add(new Planned(row, person, null));
                }
                continue;
            }
            String organizationId = organizationOf(row, byCode, errors);
            if (organizationId == null) {
                continue;
            }
            PersonRequest registration = new PersonRequest(email, row.get(Column.TITLE_TH), row.get(Column.FIRST_NAME_TH),
                    row.get(Column.LAST_NAME_TH), row.get(Column.TITLE_EN), row.get(Column.FIRST_NAME_EN),
                    row.get(Column.LAST_NAME_EN), organizationId, row.get(Column.POSITION), EnumSet.of(Role.TRAINEE), null);
            int before = errors.size();
            validator.validate(registration).stream()
                    .sorted(Comparator.comparing((ConstraintViolation<PersonRequest> v) -> v.getPropertyPath().toString()))
                    .forEach(v -> errors.add(new FieldError("rows[" + row.number() + "]." + v.getPropertyPath(),
                            v.getMessage() + (v.getPropertyPath().toString().endsWith("NameTh") && v.getInvalidValue() == null
                                    ? " (a person not registered yet needs their Thai names)" : ""))));
            for (Column name : List.of(Column.FIRST_NAME_TH, Column.LAST_NAME_TH)) {
                String value = row.get(name);
                if (value != null && PersonName.clean(value).isEmpty()) {
                    errors.add(new FieldError(row.field(name), "must not be blank"));
                }
            }
            if (errors.size() == before) {
                plan.add(new Planned(row, null, registration));
            }
        }
        return plan;
    }

    /** The row's organisation: its code, or the caller's own organisation for a row without one; null after a mistake. */
    private String organizationOf(NominationSheet.Row row, Map<String, Optional<Organization>> byCode, List<FieldError> errors) {
        String code = row.get(Column.ORGANIZATION_CODE);
        if (code == null) {
            return caller.organizationId();
        }
        Optional<Organization> organization = byCode.computeIfAbsent(code, organizations::byCode);
        if (organization.isEmpty() || !scope.hrCovers(organization.get().id())) {
            // the same words for a code that does not exist: HR learns nothing of other ministries' codes
            errors.add(new FieldError(row.field(Column.ORGANIZATION_CODE), "is not the code of an organisation you manage"));
            return null;
        }
        return organization.get().id();
    }

    private Nominated carryOut(String cohortId, Planned planned) {
        long row = planned.row().number();
        if (planned.found() != null) {
            Person person = planned.found();
            Optional<Enrollment> current = enrollments.find(cohortId, person.id());
            if (current.isPresent() && current.get().status() != EnrollmentStatus.WITHDRAWN) {
                return new Nominated(row, Outcome.ALREADY_IN_COHORT, person, current.get(),
                        enrollments.statusOf(current.get()), null, null);
            }
            Enrollment enrollment = enrollments.enrol(cohortId, person.id());
            return new Nominated(row, Outcome.NOMINATED, person, enrollment, enrollments.statusOf(enrollment), null, null);
        }
        People.Created created = people.create(planned.registration());
        Enrollment enrollment = enrollments.enrol(cohortId, created.person().id());
        return new Nominated(row, Outcome.REGISTERED, created.person(), enrollment, enrollments.statusOf(enrollment),
                created.invitationToken(), created.invitationExpiresAt());
    }

    /** 400: the file's mistakes, every one found (up to {@value #MAX_ERRORS}), by row and column. */
    static final class SheetMistakes extends DomainException {
        SheetMistakes(List<FieldError> errors) {
            super(400, "invalid-input", "Invalid input", errors.size() >= MAX_ERRORS
                    ? "The file has " + MAX_ERRORS + " or more mistakes; the first " + MAX_ERRORS + " are listed. Nobody was nominated"
                    : "The file has " + errors.size() + (errors.size() == 1 ? " mistake" : " mistakes") + "; nobody was nominated",
                    errors.subList(0, Math.min(errors.size(), MAX_ERRORS)));
        }
    }

    /** A refusal met while writing one row, said of that row; the file as a whole was not written. */
    static final class RowRefused extends DomainException {
        RowRefused(NominationSheet.Row row, DomainException refused) {
            super(refused.status(), refused.type(), refused.title(), "Row " + row.number() + ": " + refused.getMessage()
                    + "; nobody was nominated", refused.errors().isEmpty()
                    ? List.of(new FieldError("rows[" + row.number() + "]", refused.getMessage()))
                    : refused.errors().stream().map(e -> new FieldError("rows[" + row.number() + "]." + e.field(), e.message())).toList());
        }
    }
}
