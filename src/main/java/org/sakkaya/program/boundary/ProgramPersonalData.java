package org.sakkaya.program.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.sakkaya.platform.privacy.PersonalDataHolder;
import org.sakkaya.program.entity.Enrollment;

/**
 * Enrolments and trainer assignments of a person. Erasure keeps enrolments (they are counted in pass rates and
 * back issued certificates); they point to an anonymised person record, so they no longer say who.
 */
@ApplicationScoped
public class ProgramPersonalData implements PersonalDataHolder {
    @PersistenceContext
    EntityManager em;

    @Override
    public String section() {
        return "programs";
    }

    @Override
    public Set<String> tables() {
        return Set.of("enrollment", "cohort_trainer");
    }

    @Override
    public Map<String, Object> export(String personId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("enrollments", em.createQuery("SELECT e FROM Enrollment e WHERE e.personId = :id ORDER BY e.createdAt", Enrollment.class)
                .setParameter("id", personId).getResultList().stream()
                .map(e -> EnrollmentView.of(e, null)).toList());
        data.put("trainerOfCohorts", em.createNativeQuery("SELECT cohort_id FROM cohort_trainer WHERE person_id = ?1 ORDER BY cohort_id")
                .setParameter(1, personId).getResultList());
        return data;
    }

    @Override
    public void erase(String personId) {
        em.createNativeQuery("DELETE FROM cohort_trainer WHERE person_id = ?1").setParameter(1, personId).executeUpdate();
    }
}
