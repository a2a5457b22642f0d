package org.sakkaya.workshop.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.sakkaya.platform.files.FileStore;
import org.sakkaya.platform.files.StoredFile;
import org.sakkaya.platform.privacy.PersonalDataHolder;
import org.sakkaya.workshop.entity.AttendanceRecord;
import org.sakkaya.workshop.entity.FieldFeedback;
import org.sakkaya.workshop.entity.FieldReport;
import org.sakkaya.workshop.entity.WorkshopSession;
import org.sakkaya.platform.Bangkok;

/**
 * A person's attendance, check-in attempts, field reports (with the feedback on them) and the feedback they wrote
 * as a mentor. Erasure removes what the person wrote and uploaded (report text, links, files) and the feedback
 * written about it, which may name them; attendance stays, so attendance figures and pass rates stay true, and so
 * does feedback they wrote about others, whose author is the anonymised person record.
 */
@ApplicationScoped
public class WorkshopPersonalData implements PersonalDataHolder {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    FileStore files;

    @Override
    public String section() {
        return "workshops";
    }

    @Override
    public Set<String> tables() {
        return Set.of("attendance_record", "check_in_failure", "field_report", "field_report_feedback");
    }

    @Override
    public Map<String, Object> export(String personId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("attendance", em.createQuery("SELECT r, s FROM AttendanceRecord r, WorkshopSession s "
                        + "WHERE s.id = r.sessionId AND r.personId = :id ORDER BY s.startsAt", Object[].class)
                .setParameter("id", personId).getResultList().stream()
                .map(row -> attendance((AttendanceRecord) row[0], (WorkshopSession) row[1]))
                .toList());
        data.put("checkInFailures", em.createNativeQuery("SELECT session_id, failures, DATE_FORMAT(CONVERT_TZ(last_failed_at, '+00:00', '+07:00'), '%Y-%m-%dT%H:%i:%s.%f+07:00') FROM check_in_failure "
                        + "WHERE person_id = ?1 AND failures > 0 ORDER BY last_failed_at")
                .setParameter(1, personId).getResultList().stream()
                .map(row -> {
                    Object[] columns = (Object[]) row;
                    Map<String, Object> failure = new LinkedHashMap<>();
                    failure.put("sessionId", columns[0]);
                    failure.put("failures", columns[1]);
                    failure.put("lastFailedAt", columns[2]);
                    return failure;
                })
                .toList());
        List<FieldReport> reports = em.createQuery("SELECT r FROM FieldReport r WHERE r.personId = :id ORDER BY r.submittedAt",
                        FieldReport.class)
                .setParameter("id", personId).getResultList();
        Map<String, List<FieldFeedback>> received = reports.isEmpty() ? Map.of()
                : em.createQuery("SELECT f FROM FieldFeedback f WHERE f.reportId IN :reports ORDER BY f.createdAt", FieldFeedback.class)
                .setParameter("reports", reports.stream().map(FieldReport::id).toList())
                .getResultStream().collect(Collectors.groupingBy(FieldFeedback::reportId));
        data.put("fieldReports", reports.stream().map(r -> report(r, received.getOrDefault(r.id(), List.of()))).toList());
        data.put("feedbackWritten", em.createQuery("SELECT f FROM FieldFeedback f WHERE f.authorId = :id ORDER BY f.createdAt",
                        FieldFeedback.class)
                .setParameter("id", personId).getResultList().stream()
                .map(WorkshopPersonalData::feedback)
                .toList());
        return data;
    }

    @Override
    public void erase(String personId) {
        List<FieldReport> reports = em.createQuery("SELECT r FROM FieldReport r WHERE r.personId = :id", FieldReport.class)
                .setParameter("id", personId).getResultList();
        if (!reports.isEmpty()) {
            em.createQuery("DELETE FROM FieldFeedback f WHERE f.reportId IN :reports")
                    .setParameter("reports", reports.stream().map(FieldReport::id).toList())
                    .executeUpdate();
        }
        List<String> fileIds = reports.stream().map(FieldReport::fileId).filter(id -> id != null).toList();
        reports.forEach(r -> r.erase(clock.instant()));
        // the reports must stop pointing at the files before the files' rows can go
        em.flush();
        for (String fileId : fileIds) {
            StoredFile file = files.find(fileId);
            if (file != null) {
                files.delete(file);
            }
        }
        em.createNativeQuery("DELETE FROM check_in_failure WHERE person_id = ?1").setParameter(1, personId).executeUpdate();
    }

    private static Map<String, Object> attendance(AttendanceRecord r, WorkshopSession s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("cohortId", s.cohortId());
        row.put("sessionId", s.id());
        row.put("sessionNumber", s.number());
        row.put("sessionTitle", s.title());
        row.put("status", r.status().name());
        row.put("checkedInAt", Bangkok.text(r.checkedInAt()));
        row.put("recordedBy", r.recordedBy());
        row.put("recordedAt", Bangkok.text(r.recordedAt()));
        return row;
    }

    private static Map<String, Object> report(FieldReport r, List<FieldFeedback> feedback) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", r.id());
        row.put("assignmentId", r.assignmentId());
        row.put("revision", r.revision());
        row.put("text", r.text());
        row.put("links", r.links());
        row.put("fileId", r.fileId());
        row.put("submittedAt", Bangkok.text(r.submittedAt()));
        row.put("feedbackReceived", feedback.stream().map(WorkshopPersonalData::feedback).toList());
        return row;
    }

    private static Map<String, Object> feedback(FieldFeedback f) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("reportId", f.reportId());
        row.put("authorId", f.authorId());
        row.put("text", f.text());
        row.put("createdAt", Bangkok.text(f.createdAt()));
        return row;
    }
}
