package org.sakkaya.assessment.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sakkaya.assessment.entity.Attempt;
import org.sakkaya.assessment.entity.Grade;
import org.sakkaya.assessment.entity.Submission;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.files.FileStore;
import org.sakkaya.platform.files.StoredFile;
import org.sakkaya.platform.privacy.PersonalDataHolder;
import org.sakkaya.platform.security.Caller;
import org.sakkaya.platform.security.Roles;

/**
 * A person's attempts with their answers, assignment work with its grades, extensions, and what they did as staff
 * (questions written, grades given, extensions granted). Erasure removes what the person wrote or uploaded (typed
 * answers, work text, links and files) and the feedback and regrade reasons written about it, which may name them.
 * Scores, attempt and submission rows and grades stay, so gradebooks, pass decisions and pass rates do not change.
 * The persisted pass decisions (what reports count) are exported and kept: they hold the person's id and figures
 * only, and name nobody once identity erasure has anonymised the person record.
 * <p>
 * A grade the trainer has not released yet is exported to its trainee as held back, without its score, feedback or
 * grader: the export a trainee downloads shows what the trainee may see elsewhere. An ADMIN answering a formal request
 * gets the whole grade. So with what each answer of an attempt earned: to its trainee only where the attempt's
 * review rule shows it.
 */
@ApplicationScoped
public class AssessmentPersonalData implements PersonalDataHolder {
    @PersistenceContext
    EntityManager em;

    @Inject
    FileStore files;

    @Inject
    Caller caller;

    @Inject
    Attempts attempts;

    @Override
    public String section() {
        return "assessments";
    }

    @Override
    public Set<String> tables() {
        return Set.of("attempt", "attempt_answer", "submission", "grade", "assignment_extension", "question", "pass_decision");
    }

    @Override
    public Map<String, Object> export(String personId) {
        Map<String, Object> data = new LinkedHashMap<>();
        List<Attempt> attempts = em.createQuery("SELECT a FROM Attempt a WHERE a.personId = :id ORDER BY a.startedAt", Attempt.class)
                .setParameter("id", personId).getResultList();
        // a trainee's own export shows what each answer earned only where the attempt itself would (its review rule):
        // otherwise the export told which answers were right between two attempts, or ever under NEVER
        boolean own = !caller.is(Roles.ADMIN);
        data.put("attempts", attempts.stream().map(a -> {
            boolean earned = !own || this.attempts.keysShown(a);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", a.id());
            row.put("assessmentId", a.assessmentId());
            row.put("number", a.number());
            row.put("status", a.status().name());
            row.put("startedAt", Bangkok.text(a.startedAt()));
            row.put("finishedAt", Bangkok.text(a.finishedAt()));
            row.put("score", a.score());
            row.put("maxScore", a.maxScore());
            row.put("answers", em.createNativeQuery("SELECT question_id, answer, points FROM attempt_answer WHERE attempt_id = ?1 ORDER BY question_id")
                    .setParameter(1, a.id()).getResultList().stream().map(r -> {
                        Object[] c = (Object[]) r;
                        Map<String, Object> answer = new LinkedHashMap<>();
                        answer.put("questionId", c[0]);
                        // the answer as the JSON value it is (a text was exported as its JSON spelling, and an erased one as "null")
                        answer.put("answer", c[1] == null ? null : org.sakkaya.platform.Jsons.parse(c[1].toString()));
                        answer.put("points", earned ? c[2] : null);
                        return answer;
                    }).toList());
            return row;
        }).toList());
        data.put("submissions", em.createQuery("SELECT s FROM Submission s WHERE s.personId = :id ORDER BY s.submittedAt", Submission.class)
                .setParameter("id", personId).getResultList().stream()
                .map(s -> SubmissionView.of(s, null, null, null)).toList());
        data.put("gradesReceived", grades("SELECT g FROM Grade g WHERE g.personId = :id ORDER BY g.gradedAt", personId,
                !caller.is(Roles.ADMIN)));
        data.put("gradesGiven", gradesGiven(personId));
        data.put("extensions", rows("SELECT assessment_id, DATE_FORMAT(CONVERT_TZ(due_at, '+00:00', '+07:00'), '%Y-%m-%dT%H:%i:%s.%f+07:00'), granted_by FROM assignment_extension "
                + "WHERE person_id = ?1 OR granted_by = ?1 ORDER BY due_at", personId, "assessmentId", "dueAt", "grantedBy"));
        data.put("passDecisions", rows("SELECT enrollment_id, cohort_id, passed, score_percent, attendance_percent, "
                + "DATE_FORMAT(CONVERT_TZ(computed_at, '+00:00', '+07:00'), '%Y-%m-%dT%H:%i:%s.%f+07:00') FROM pass_decision WHERE person_id = ?1 ORDER BY computed_at", personId,
                "enrollmentId", "cohortId", "passed", "scorePercent", "attendancePercent", "decidedAt"));
        data.put("questionsWritten", em.createNativeQuery("SELECT id FROM question WHERE created_by = ?1 ORDER BY id")
                .setParameter(1, personId).getResultList());
        return data;
    }

    @Override
    public void erase(String personId) {
        List<String> fileIds = em.createQuery("SELECT s.fileId FROM Submission s WHERE s.personId = :id AND s.fileId IS NOT NULL", String.class)
                .setParameter("id", personId).getResultList();
        // typed answers are the person's own words; the points they earned stay
        em.createNativeQuery("UPDATE attempt_answer SET answer = 'null' WHERE attempt_id IN (SELECT id FROM attempt WHERE person_id = ?1)")
                .setParameter(1, personId).executeUpdate();
        em.createNativeQuery("UPDATE submission SET text = NULL, url = NULL, file_id = NULL WHERE person_id = ?1")
                .setParameter(1, personId).executeUpdate();
        em.createNativeQuery("UPDATE grade SET feedback = NULL, reason = NULL WHERE person_id = ?1")
                .setParameter(1, personId).executeUpdate();
        em.createNativeQuery("UPDATE question SET created_by = NULL WHERE created_by = ?1").setParameter(1, personId).executeUpdate();
        em.createNativeQuery("UPDATE assignment_extension SET granted_by = NULL WHERE granted_by = ?1").setParameter(1, personId).executeUpdate();
        // the submissions no longer point at the files (the update above ran at once), so their rows can go
        for (String fileId : fileIds) {
            StoredFile file = files.find(fileId);
            if (file != null) {
                files.delete(file);
            }
        }
    }

    /** @param holdBack whether grades not yet released show only that they exist */
    private List<Map<String, Object>> grades(String query, String personId, boolean holdBack) {
        return em.createQuery(query, Grade.class).setParameter("id", personId).getResultList().stream().map(g -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("submissionId", g.submissionId());
            row.put("assessmentId", g.assessmentId());
            row.put("personId", g.personId());
            row.put("released", g.released());
            if (holdBack && !g.released()) {
                return row;
            }
            row.put("score", g.score());
            row.put("feedback", g.feedback());
            row.put("reason", g.reason());
            row.put("gradedBy", g.gradedBy());
            row.put("gradedAt", Bangkok.text(g.gradedAt()));
            return row;
        }).toList();
    }

    /**
     * What a grader did, not what they wrote about someone: the trainee, score and feedback belong to the trainee's
     * data, and a former trainer has no right to them through their own export.
     */
    private List<Map<String, Object>> gradesGiven(String personId) {
        return em.createQuery("SELECT g FROM Grade g WHERE g.gradedBy = :id ORDER BY g.gradedAt", Grade.class)
                .setParameter("id", personId).getResultList().stream().map(g -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("submissionId", g.submissionId());
                    row.put("assessmentId", g.assessmentId());
                    row.put("gradedAt", Bangkok.text(g.gradedAt()));
                    return row;
                }).toList();
    }

    private List<Map<String, Object>> rows(String sql, String personId, String... names) {
        return em.createNativeQuery(sql).setParameter(1, personId).getResultList().stream().map(r -> {
            Object[] c = (Object[]) r;
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                row.put(names[i], c[i]);
            }
            return row;
        }).toList();
    }
}
