package org.sakkaya.program.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sakkaya.identity.boundary.InvitationLinks;
import org.sakkaya.identity.boundary.OrganizationScope;
import org.sakkaya.identity.boundary.Organizations;
import org.sakkaya.identity.boundary.People;
import org.sakkaya.identity.boundary.PersonRequest;
import org.sakkaya.identity.control.EmailDomains;
import org.sakkaya.identity.entity.Organization;
import org.sakkaya.identity.entity.Person;
import org.sakkaya.identity.entity.PersonName;
import org.sakkaya.identity.entity.Role;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.Sha256;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.problem.DomainException;
import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.NotConfigured;
import org.sakkaya.platform.problem.RuleViolation;
import org.sakkaya.platform.problem.TooManyRequests;
import org.sakkaya.platform.security.Caller;
import org.sakkaya.platform.security.RateLimiter;
import org.sakkaya.program.control.NominationSheet.Column;
import org.sakkaya.program.control.NominationSheet;
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
    /** Files a caller may send in an hour, read or refused: HR corrects a file a few times, not hundreds. */
    static final int FILES_PER_HOUR = 30;

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

    @Inject
    RateLimiter limiter;

    @Inject
    NominationMails mails;

    @Inject
    InvitationLinks invitationLinks;

    @Inject
    Event<NominationMails.ToMail> toMail;

    public enum Outcome {
        /** Registered now (a trainee with an invitation), and nominated. */
        REGISTERED,
        /** Found among HR's staff, and nominated (again, after a withdrawal). */
        NOMINATED,
        /** Found, and in the cohort already: left as they were. */
        ALREADY_IN_COHORT
    }

    public record Nominated(long row, Outcome outcome, String personId, String email, String nameTh, String organizationId,
                            Enrollment enrollment, EnrollmentStatus status, String invitationToken, Instant invitationExpiresAt) {
    }

    /** What a row is, once checked: the person found, or the registration to make. */
    private record Planned(NominationSheet.Row row, People.Holder found, PersonRequest registration) {
    }

    /**
     * The file's rows carried out; with {@code mail}, the people it registers are mailed their invitation links once it
     * is committed (503 {@code not-configured} without a mail server, before anything is counted or read).
     */
    @Transactional
    public List<Nominated> nominate(String cohortId, String csv, boolean mail) {
        if (mail && !mails.configured()) {
            throw new NotConfigured("Mailing invitations (an outgoing mail server)", "sakkaya.mail.host, sakkaya.mail.from");
        }
        // counted in a transaction of its own, so a refused file counts too; the caller's id as a hash, as other
        // counters keep people (the counters are not personal data an export or erasure has to find)
        long wait = limiter.hit("nominations:" + Sha256.hex(caller.personId()), FILES_PER_HOUR, Duration.ofHours(1));
        if (wait > 0) {
            throw new TooManyRequests("At most " + FILES_PER_HOUR + " files of nominations an hour; try again later", wait);
        }
        // a file that cannot be read is refused as any malformed body is, before the cohort is looked at
        NominationSheet.Read read = NominationSheet.read(csv);
        if (!read.errors().isEmpty()) {
            throw new SheetMistakes(read.errors());
        }
        // the cohort locked as an enrolment locks it, before anything is read: its seats and rows stay as this leaves them
        Cohort cohort = cohorts.lock(cohortId);
        if (cohort.ended(LocalDate.ofInstant(clock.instant(), Bangkok.ZONE))) {
            // HR's nominations are over, whatever other role the caller holds (the organiser records a past cohort's
            // trainees one by one)
            throw new RuleViolation("cohort-ended", "The cohort ended on " + cohort.endsOn() + "; it takes no more nominations");
        }
        List<FieldError> errors = new ArrayList<>();
        int[] outside = {0};
        List<Planned> plan = plan(read.rows(), errors, outside);
        if (!errors.isEmpty()) {
            if (outside[0] > 0) {
                // addresses that are someone else's staff: a file of them would tell HR who is registered elsewhere, so
                // such a refusal is on the record although nothing was written
                audit.recordRefused("NOMINATIONS_REFUSED", "cohort", cohortId, "rows=" + read.rows().size() + " mistakes="
                        + errors.size() + " outside=" + outside[0]);
            }
            throw new SheetMistakes(errors);
        }
        List<Nominated> done = new ArrayList<>();
        for (Planned planned : plan) {
            try {
                done.add(carryOut(cohortId, planned));
            } catch (DomainException refused) {
                // a rule met only while writing: the whole file is rolled back, and the answer names the row
                throw new RowRefused(planned.row(), refused);
            }
        }
        long registered = done.stream().filter(n -> n.outcome() == Outcome.REGISTERED).count();
        long unchanged = done.stream().filter(n -> n.outcome() == Outcome.ALREADY_IN_COHORT).count();
        audit.record("NOMINATIONS_IMPORTED", "cohort", cohortId, "rows=" + done.size() + " registered=" + registered
                + " nominated=" + (done.size() - unchanged) + " unchanged=" + unchanged + (mail ? " toMail=" + registered : ""));
        if (mail && registered > 0) {
            List<NominationMails.Invitation> invitations = done.stream().filter(n -> n.invitationToken() != null)
                    .map(n -> new NominationMails.Invitation(n.email(), n.invitationToken(), invitationLinks.of(n.invitationToken()),
                            n.invitationExpiresAt()))
                    .toList();
            toMail.fire(new NominationMails.ToMail(cohortId, cohort.nameTh(), caller.personId(), caller.clientAddress(), invitations));
        }
        return done;
    }

    private List<Planned> plan(List<NominationSheet.Row> rows, List<FieldError> errors, int[] outside) {
        // everyone the file names, in one query, under every spelling of their addresses
        // keyed by the address's ASCII spelling on both sides: the database compares addresses more loosely than Java
        // (a Thai vowel in one code point or two), so a stored spelling is not always the text looked for
        Map<String, People.Holder> holders = new HashMap<>();
        people.byEmails(rows.stream().map(r -> r.get(Column.EMAIL)).filter(Objects::nonNull)
                        .flatMap(e -> EmailDomains.spellings(e).stream()).toList())
                .values().forEach(holder -> holders.putIfAbsent(asciiKey(holder.email()), holder));
        Map<String, Long> rowOfAddress = new HashMap<>();
        Map<String, Optional<Organization>> byCode = new HashMap<>();
        List<Planned> plan = new ArrayList<>();
        for (NominationSheet.Row row : rows) {
            if (errors.size() >= NominationSheet.MAX_ERRORS) {
                break;
            }
            String email = row.get(Column.EMAIL);
            if (email == null) {
                errors.add(new FieldError(row.field(Column.EMAIL), "must not be blank"));
                continue;
            }
            if (!plainAddress(email)) {
                // a no-break or zero-width space copied with the address would register a second, look-alike person
                errors.add(new FieldError(row.field(Column.EMAIL), "has a character no address has (a space or an invisible"
                        + " character copied with it?); before the @ only Latin letters, digits and signs"));
                continue;
            }
            // one person an address, however the file spells it (a Thai domain and its xn-- form are one)
            String key = asciiKey(email);
            Long earlier = rowOfAddress.putIfAbsent(key, row.number());
            if (earlier != null) {
                errors.add(new FieldError(row.field(Column.EMAIL), "is on row " + earlier + " already"));
                continue;
            }
            Optional<People.Holder> found = Optional.ofNullable(holders.get(key));
            if (found.isPresent()) {
                if (found.get().erased() || !scope.hrCovers(found.get().organizationId())) {
                    outside[0]++;
                    errors.add(new FieldError(row.field(Column.EMAIL), "is registered to someone outside the organisations you manage"));
                } else if (movedBy(row, found.get(), byCode, errors)) {
                    continue;
                } else {
                    plan.add(new Planned(row, found.get(), null));
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
                                    ? " (someone not registered yet is registered with their Thai names)" : ""))));
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

    /**
     * Whether a row of someone HR has already registered names another of HR's organisations, a mistake: the file does
     * not move people (nor rename them), and HR reading its answer would believe it had.
     */
    private boolean movedBy(NominationSheet.Row row, People.Holder found, Map<String, Optional<Organization>> byCode, List<FieldError> errors) {
        if (row.get(Column.ORGANIZATION_CODE) == null) {
            return false;
        }
        String named = organizationOf(row, byCode, errors);
        if (named == null) {
            return true;
        }
        if (!named.equals(found.organizationId())) {
            errors.add(new FieldError(row.field(Column.ORGANIZATION_CODE), "is not the organisation this person is registered in;"
                    + " the file does not move people (PATCH /people/{id} does), leave the cell empty for them"));
            return true;
        }
        return false;
    }

    /**
     * An address of printable ASCII before its {@code @}, and after it of Latin letters, digits, dots and hyphens, or
     * Thai (a domain such as กรมอนามัย.ไทย): no space, control, invisible or full-width character anywhere, which would
     * register a look-alike second person.
     */
    static boolean plainAddress(String email) {
        int at = email.lastIndexOf('@');
        if (at < 1) {
            return true; // not an address at all: the address check of the registration says so
        }
        return email.substring(0, at).chars().allMatch(c -> c > ' ' && c < 127)
                && email.substring(at + 1).toLowerCase(java.util.Locale.ROOT).codePoints().allMatch(c -> (c >= 'a' && c <= 'z')
                        || (c >= '0' && c <= '9') || c == '.' || c == '-' || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.THAI
                        && Character.getType(c) != Character.FORMAT);
    }

    /** The address in its ASCII spelling (the domain's xn-- form), or as typed when it has none. */
    private static String asciiKey(String email) {
        List<String> spellings = EmailDomains.spellings(email);
        return spellings.stream().filter(a -> a.chars().allMatch(c -> c < 128)).findFirst().orElse(spellings.get(0));
    }

    /** The row's organisation: its code, or the caller's own organisation for a row without one; null after a mistake. */
    private String organizationOf(NominationSheet.Row row, Map<String, Optional<Organization>> byCode, List<FieldError> errors) {
        String code = row.get(Column.ORGANIZATION_CODE);
        Optional<Organization> organization = code == null
                ? Optional.ofNullable(caller.organizationId()).map(organizations::find)
                : byCode.computeIfAbsent(code, organizations::byCode);
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
            People.Holder person = planned.found();
            Enrollments.Nomination nomination = enrollments.nominateOwnStaff(cohortId, person.id());
            return new Nominated(row, nomination.placed() ? Outcome.NOMINATED : Outcome.ALREADY_IN_COHORT, person.id(),
                    person.email(), person.fullNameTh(), person.organizationId(), nomination.enrollment(),
                    enrollments.statusOf(nomination.enrollment()), null, null);
        }
        // an address registered by someone else this very moment is refused by People.create, and named by this row
        People.Created created = people.create(planned.registration());
        Person person = created.person();
        Enrollment enrollment = enrollments.nominateOwnStaff(cohortId, person.id()).enrollment();
        return new Nominated(row, Outcome.REGISTERED, person.id(), person.email(), person.name().fullTh(),
                person.organizationId(), enrollment, enrollments.statusOf(enrollment), created.invitationToken(),
                created.invitationExpiresAt());
    }

    /** 400: the file's mistakes, every one found (up to {@value NominationSheet#MAX_ERRORS}), by row and column. */
    static final class SheetMistakes extends DomainException {
        SheetMistakes(List<FieldError> errors) {
            super(400, "invalid-input", "Invalid input", errors.size() >= NominationSheet.MAX_ERRORS
                    ? "The file has " + NominationSheet.MAX_ERRORS + " or more mistakes; the first " + NominationSheet.MAX_ERRORS + " are listed. Nobody was nominated"
                    : "The file has " + errors.size() + (errors.size() == 1 ? " mistake" : " mistakes") + "; nobody was nominated",
                    errors.subList(0, Math.min(errors.size(), NominationSheet.MAX_ERRORS)));
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
