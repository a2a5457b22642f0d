package org.sakkaya.certificate.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sakkaya.certificate.entity.Certificate;
import org.sakkaya.identity.entity.Person;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.privacy.PersonalDataHolder;

/**
 * A person's certificates. Erasure removes the printed name and the PDF, and keeps the serial, status and SHA-256:
 * a copy the holder kept still verifies as genuine (its hash matches), and nobody can read the name from Sakkaya.
 */
@ApplicationScoped
public class CertificatePersonalData implements PersonalDataHolder {
    @PersistenceContext
    EntityManager em;

    @Override
    public String section() {
        return "certificates";
    }

    @Override
    public Set<String> tables() {
        return Set.of("certificate", "certificate_template", "certificate_job");
    }

    @Override
    public Map<String, Object> export(String personId) {
        Map<String, Object> data = new LinkedHashMap<>();
        // with why and when a certificate was revoked: a reason is written about the holder, and may name them
        data.put("certificates", em.createQuery("SELECT c FROM Certificate c WHERE c.personId = :id ORDER BY c.issuedOn, c.createdAt",
                        Certificate.class)
                .setParameter("id", personId).getResultList().stream().map(c -> {
                    Map<String, Object> certificate = new LinkedHashMap<>();
                    certificate.put("certificate", CertificateView.of(c));
                    certificate.put("revokedAt", c.revokedAt() == null ? null : Bangkok.text(c.revokedAt()));
                    certificate.put("revokedReason", c.revokedReason());
                    return certificate;
                }).toList());
        // what the person did as programme staff: templates last saved and issuing jobs asked for
        data.put("templatesSaved", em.createNativeQuery("SELECT CONCAT(program_id, '/', kind) FROM certificate_template WHERE updated_by = ?1 ORDER BY 1")
                .setParameter(1, personId).getResultList());
        data.put("issuingJobsRequested", em.createNativeQuery("SELECT id FROM certificate_job WHERE requested_by = ?1 ORDER BY created_at")
                .setParameter(1, personId).getResultList());
        return data;
    }

    /**
     * A background job stopped by a rule keeps the rule's words, which may name a holder (a name too long for the page),
     * in its error and in the audit record of its failure; neither row is tied to the holder by a column.
     */
    @Override
    public void eraseMentions(String personId, Set<String> mentions) {
        // The failed jobs are found by a plain read and changed one by one by their keys: an UPDATE that scanned the
        // table would lock every job's row, and wait for the running job's, which a batch holds while it issues (an
        // erasure waited 50 s and failed while another instance hung in the middle of one). Native statements: a JPQL
        // bulk update would also count up the job's version under a use case that holds it.
        @SuppressWarnings("unchecked")
        List<Object[]> failed = em.createNativeQuery("SELECT id, cohort_id FROM certificate_job WHERE status = 'FAILED'").getResultList();
        for (String mention : mentions) {
            for (Object[] job : failed) {
                em.createNativeQuery("UPDATE certificate_job SET error = REPLACE(error, ?1, ?2) WHERE id = ?3 AND INSTR(error, ?1) > 0")
                        .setParameter(1, mention).setParameter(2, Person.ERASED_NAME).setParameter(3, job[0]).executeUpdate();
            }
            for (Object cohortId : failed.stream().map(job -> job[1]).distinct().toList()) {
                em.createNativeQuery("UPDATE audit_event SET detail = REPLACE(detail, ?1, ?2) WHERE subject_type = 'cohort' "
                                + "AND subject_id = ?3 AND action = 'CERTIFICATES_ISSUE_FAILED' AND INSTR(detail, ?1) > 0")
                        .setParameter(1, mention).setParameter(2, Person.ERASED_NAME).setParameter(3, cohortId).executeUpdate();
            }
        }
    }

    @Override
    public void erase(String personId) {
        // a revocation's reason is free text written about the holder, and may name them: on the certificate and in
        // the audit log's record of the revocation
        // by the subject's index (type and id): without the type the update read, and locked, the whole audit log
        em.createNativeQuery("UPDATE audit_event SET detail = NULL WHERE action = 'CERTIFICATE_REVOKED' AND subject_type = 'certificate' "
                        + "AND subject_id IN (SELECT serial FROM certificate WHERE person_id = ?1)")
                .setParameter(1, personId).executeUpdate();
        em.createNativeQuery("UPDATE certificate SET holder_name = ?1, holder_sort_name = ?1, pdf = NULL, "
                        + "revoked_reason = CASE WHEN revoked_reason IS NULL THEN NULL ELSE ?3 END WHERE person_id = ?2")
                .setParameter(1, Person.ERASED_NAME).setParameter(2, personId).setParameter(3, Person.ERASED_NAME).executeUpdate();
        em.createNativeQuery("UPDATE certificate_template SET updated_by = NULL WHERE updated_by = ?1").setParameter(1, personId).executeUpdate();
        // by key, as above; a job still running is left to the erasure's repetition (People.eraseRecentlyErasedAgain),
        // as its row may be held by a batch
        for (Object jobId : em.createNativeQuery("SELECT id FROM certificate_job WHERE requested_by = ?1 AND status <> 'RUNNING'")
                .setParameter(1, personId).getResultList()) {
            em.createNativeQuery("UPDATE certificate_job SET requested_by = NULL WHERE id = ?1 AND requested_by = ?2")
                    .setParameter(1, jobId).setParameter(2, personId).executeUpdate();
        }
    }
}
