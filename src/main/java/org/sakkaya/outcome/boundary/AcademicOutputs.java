package org.sakkaya.outcome.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.identity.boundary.OrganizationScope;
import org.sakkaya.identity.boundary.People;
import org.sakkaya.identity.boundary.PersonSummary;
import org.sakkaya.outcome.entity.AcademicOutput;
import org.sakkaya.outcome.entity.Author;
import org.sakkaya.outcome.entity.OutputStatus;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.files.FileStore;
import org.sakkaya.platform.files.StoredFile;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.problem.Conflict;
import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.Forbidden;
import org.sakkaya.platform.problem.InvalidInput;
import org.sakkaya.platform.problem.NotFound;
import org.sakkaya.platform.problem.RuleViolation;
import org.sakkaya.platform.security.Caller;
import org.sakkaya.platform.security.Roles;
import org.sakkaya.program.boundary.Cohorts;
import org.sakkaya.program.boundary.Enrollments;
import org.sakkaya.program.control.FiscalYear;
import org.sakkaya.program.entity.Cohort;

/**
 * Academic outputs (ผลงานวิชาการ). Their authors and PROGRAM_ADMIN record and revise them; a trainer of the work's
 * cohort or PROGRAM_ADMIN confirms the evidence, and only then does the work count for indicators. Every author
 * must hold a seat in the cohort. Who reads: PROGRAM_ADMIN and EXECUTIVE all works, HR the works of its own staff
 * (an author from its organisation subtree), trainers the works of cohorts they train, trainees their own; any
 * other work answers 404.
 */
@ApplicationScoped
public class AcademicOutputs {
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
    Enrollments enrollments;

    @Inject
    People people;

    @Inject
    OrganizationScope scope;

    @Inject
    FileStore files;

    @Transactional
    public AcademicOutput create(OutputRequest request) {
        Cohort cohort = cohorts.find(request.cohortId());
        if (!caller.is(Roles.PROGRAM_ADMIN) && !request.authorIds().contains(caller.personId())) {
            throw new Forbidden("A trainee records only works they are an author of");
        }
        AcademicOutput output = new AcademicOutput(request.title().strip(), request.kind(), cohort.id(), cohort.programId(),
                authors(cohort.id(), request.authorIds()), request.status() == null ? OutputStatus.PLANNED : request.status(),
                request.startedOn(), request.presentedOn(), request.publishedOn(), blankToNull(request.venue()),
                evidenceUrl(request.evidenceUrl()), caller.personId(), clock.instant());
        notAhead(output);
        em.persist(output);
        audit.record("OUTPUT_RECORDED", "academic_output", output.id(), "cohort " + cohort.id());
        return output;
    }

    @Transactional
    public AcademicOutput revise(String id, OutputPatch patch) {
        AcademicOutput output = find(id);
        requireAuthorOrAdmin(output);
        output.revise(patch.title() == null ? null : patch.title().strip(), patch.kind(), patch.status(), patch.startedOn(),
                patch.presentedOn(), patch.publishedOn(), patch.venue(),
                patch.evidenceUrl() == null ? null : patch.evidenceUrl().isBlank() ? "" : evidenceUrl(patch.evidenceUrl()));
        if (patch.authorIds() != null) {
            output.replaceAuthors(authors(output.cohortId(), patch.authorIds()));
        }
        notAhead(output);
        audit.record("OUTPUT_REVISED", "academic_output", id, output.status().name());
        return output;
    }

    /**
     * A work recorded by mistake (twice, or in the wrong cohort), with its evidence file. Its authors delete it while
     * its evidence is not confirmed; once confirmed it counts in the indicators, and only PROGRAM_ADMIN deletes it
     * (409 for an author). One counted in a closed indicator stays as reported (409).
     */
    @Transactional
    public void delete(String id) {
        AcademicOutput output = find(id);
        requireAuthorOrAdmin(output);
        // locked, then the snapshot records counted as committed: a close freezing it now is waited for, and then seen
        em.refresh(output, LockModeType.PESSIMISTIC_WRITE);
        if (output.evidenceConfirmedAt() != null && !caller.is(Roles.PROGRAM_ADMIN)) {
            throw new Conflict("output-confirmed", "Its evidence was confirmed, so it counts in the indicators: a programme "
                    + "administrator deletes it");
        }
        Number frozen = (Number) em.createNativeQuery("SELECT COUNT(*) FROM indicator_snapshot_record "
                + "WHERE record_type = 'OUTPUT' AND record_id = ? LOCK IN SHARE MODE").setParameter(1, id).getSingleResult();
        if (frozen.longValue() > 0) {
            throw new Conflict("output-counted", "A closed indicator counted this work; it stays as reported");
        }
        String file = output.dropEvidence();
        em.remove(output);
        em.flush(); // the work lets go of its file before the file's row goes
        if (file != null) {
            files.delete(files.find(file));
        }
        audit.record("OUTPUT_DELETED", "academic_output", id, null);
    }

    /**
     * A work said to be presented or published was so on a day that has come (in Bangkok): one recorded ahead of its
     * presentation counted in the indicators before it took place. A planned date of a work still to come may be ahead.
     */
    private void notAhead(AcademicOutput output) {
        LocalDate today = LocalDate.now(clock.withZone(Bangkok.ZONE));
        if (!output.status().done()) {
            return;
        }
        if (output.presentedOn() != null && output.presentedOn().isAfter(today)) {
            throw new RuleViolation("output-dates", "A work is PRESENTED once the day it was presented has come",
                    new FieldError("presentedOn", "must not be after today (" + today + ") while status is " + output.status()));
        }
        if (output.publishedOn() != null && output.publishedOn().isAfter(today)) {
            throw new RuleViolation("output-dates", "A work is PUBLISHED once the day it was published has come",
                    new FieldError("publishedOn", "must not be after today (" + today + ") while status is " + output.status()));
        }
    }

    /** A trainer of the work's cohort or PROGRAM_ADMIN has checked the evidence. */
    @Transactional
    public AcademicOutput confirmEvidence(String id) {
        AcademicOutput output = find(id);
        if (!cohorts.runByCaller(cohorts.find(output.cohortId()))) {
            throw new Forbidden("Only a trainer of the cohort or a programme administrator confirms evidence");
        }
        output.confirmEvidence(caller.personId(), clock.instant());
        audit.record("OUTPUT_EVIDENCE_CONFIRMED", "academic_output", id, null);
        return output;
    }

    /** An evidence file (type checked by content, size limited); it replaces the one before and needs a new confirmation. */
    @Transactional
    public AcademicOutput attachEvidence(String id, InputStream content, String fileName) {
        AcademicOutput output = find(id);
        requireAuthorOrAdmin(output);
        if (content == null) {
            throw new InvalidInput("file", "send the evidence as the part 'file'");
        }
        StoredFile stored = files.store("file", content, fileName, caller.personId());
        String old = output.attachEvidence(stored.id());
        em.flush();
        if (old != null) {
            files.delete(files.find(old));
        }
        audit.record("OUTPUT_EVIDENCE_ATTACHED", "academic_output", id, stored.sha256());
        return output;
    }

    public StoredFile evidenceFile(String id) {
        AcademicOutput output = find(id);
        if (output.evidenceFileId() == null) {
            throw new NotFound("Evidence file of work", id);
        }
        return files.find(output.evidenceFileId());
    }

    /** A work the caller may read, else 404. */
    public AcademicOutput find(String id) {
        AcademicOutput output = em.find(AcademicOutput.class, id);
        if (output == null || !readable(output)) {
            throw new NotFound("Academic output", id);
        }
        return output;
    }

    /** Works of a fiscal year (by the day they were presented, else published), programme or cohort, newest first. */
    public Page<AcademicOutput> list(Integer fiscalYear, String programId, String cohortId, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (fiscalYear != null) {
            FiscalYear year = Reports.fiscalYear(fiscalYear);
            where.append(" AND ((w.presentedOn BETWEEN :first AND :last) OR (w.presentedOn IS NULL AND w.publishedOn BETWEEN :first AND :last))");
            parameters.put("first", year.firstDay());
            parameters.put("last", year.lastDay());
        }
        if (programId != null) {
            where.append(" AND w.programId = :program");
            parameters.put("program", programId);
        }
        if (cohortId != null) {
            where.append(" AND w.cohortId = :cohort");
            parameters.put("cohort", cohortId);
        }
        if (!caller.isAny(Roles.PROGRAM_ADMIN, Roles.EXECUTIVE)) {
            List<String> visible = new ArrayList<>();
            visible.add("EXISTS (SELECT a FROM AcademicOutput v JOIN v.authors a WHERE v = w AND a.personId = :me)");
            parameters.put("me", caller.personId());
            Set<String> orgs = scope.hrOrganizationIds();
            if (!orgs.isEmpty()) {
                visible.add("EXISTS (SELECT a FROM AcademicOutput v JOIN v.authors a WHERE v = w AND a.organizationId IN :orgs)");
                parameters.put("orgs", orgs);
            }
            List<String> trained = caller.is(Roles.TRAINER) ? enrollments.cohortsTrainedBy(caller.personId()) : List.of();
            if (!trained.isEmpty()) {
                visible.add("w.cohortId IN :trained");
                parameters.put("trained", trained);
            }
            where.append(" AND (").append(String.join(" OR ", visible)).append(")");
        }
        TypedQuery<AcademicOutput> query = em.createQuery("SELECT w FROM AcademicOutput w" + where
                + " ORDER BY w.createdAt DESC, w.id", AcademicOutput.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(w) FROM AcademicOutput w" + where, Long.class);
        parameters.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        return new Page<>(page.apply(query).getResultList(), page.page(), page.size(), count.getSingleResult());
    }

    /** Authors' printed names, in one query. */
    public Map<String, PersonSummary> names(List<AcademicOutput> outputs) {
        Set<String> ids = new HashSet<>();
        outputs.forEach(w -> w.authors().forEach(a -> ids.add(a.personId())));
        return people.summaries(ids);
    }

    private boolean readable(AcademicOutput output) {
        if (caller.isAny(Roles.PROGRAM_ADMIN, Roles.EXECUTIVE) || output.isAuthor(caller.personId())) {
            return true;
        }
        if (output.authors().stream().anyMatch(a -> scope.hrCovers(a.organizationId()))) {
            return true;
        }
        return cohorts.trainedByCaller(cohorts.find(output.cohortId()));
    }

    private void requireAuthorOrAdmin(AcademicOutput output) {
        if (!caller.is(Roles.PROGRAM_ADMIN) && !output.isAuthor(caller.personId())) {
            throw new Forbidden("Only the authors and programme administrators change a work");
        }
    }

    /** Every author holds a seat in the cohort; each is remembered with their organisation of today. */
    private List<Author> authors(String cohortId, List<String> authorIds) {
        Set<String> seen = new HashSet<>();
        List<FieldError> problems = new ArrayList<>();
        Map<String, PersonSummary> found = people.summaries(authorIds);
        List<Author> authors = new ArrayList<>();
        for (int i = 0; i < authorIds.size(); i++) {
            String personId = authorIds.get(i);
            if (!seen.add(personId)) {
                throw new InvalidInput("authorIds[" + i + "]", "appears more than once");
            }
            PersonSummary person = found.get(personId);
            if (person == null || !enrollments.isSeated(cohortId, personId)) {
                problems.add(new FieldError("authorIds[" + i + "]", "is not a trainee of this cohort"));
                continue;
            }
            authors.add(new Author(personId, person.organizationId()));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation("author-not-trainee", "Every author must be a trainee of the work's cohort", problems.get(0));
        }
        return authors;
    }

    private static String evidenceUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        if (!url.strip().matches("https?://\\S{1,1990}")) {
            throw new InvalidInput("evidenceUrl", "must be an http or https address");
        }
        return url.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Exposed for PDPA erasure: the works a person is an author of. */
    List<AcademicOutput> authoredBy(String personId) {
        return em.createQuery("SELECT DISTINCT w FROM AcademicOutput w JOIN w.authors a WHERE a.personId = :person", AcademicOutput.class)
                .setParameter("person", personId).getResultList();
    }

    /** PDPA erasure of an author: the evidence of their works goes (it shows them); records and confirmations stay. */
    @Transactional(Transactional.TxType.MANDATORY)
    void eraseEvidenceOf(String personId) {
        List<String> files = new ArrayList<>();
        for (AcademicOutput output : authoredBy(personId)) {
            String file = output.dropEvidence();
            if (file != null) {
                files.add(file);
            }
        }
        em.flush(); // the works let go of their files before the file rows go
        files.stream().map(this.files::find).filter(java.util.Objects::nonNull).forEach(this.files::delete);
    }
}
