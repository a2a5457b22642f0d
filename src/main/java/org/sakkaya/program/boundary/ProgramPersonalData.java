package org.sakkaya.program.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.privacy.PersonalDataHolder;
import org.sakkaya.program.entity.Enrollment;

/**
 * Enrolments, nominations made and trainer assignments of a person. Erasure keeps enrolments (they are counted in pass rates and
 * back issued certificates); they point to an anonymised person record, so they no longer say who.
 */
@ApplicationScoped
public class ProgramPersonalData implements PersonalDataHolder {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

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
        LocalDate today = LocalDate.ofInstant(clock.instant(), Bangkok.ZONE);
        data.put("enrollments", em.createQuery("SELECT e, c.endsOn FROM Enrollment e, Cohort c WHERE c.id = e.cohortId "
                        + "AND e.personId = :id ORDER BY e.createdAt, e.id", Object[].class)
                .setParameter("id", personId).getResultList().stream()
                .map(row -> {
                    Enrollment e = (Enrollment) row[0];
                    return EnrollmentView.of(e, e.statusOn((LocalDate) row[1], today), null);
                }).toList());
        // whom HR or an organiser put forward is the other person's data; that they did it, and when, is theirs
        data.put("nominationsMade", em.createQuery("SELECT e.id, e.cohortId, e.createdAt FROM Enrollment e "
                        + "WHERE e.nominatedBy = :id AND e.personId <> :id ORDER BY e.createdAt", Object[].class)
                .setParameter("id", personId).getResultList().stream().map(r -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("enrollmentId", r[0]);
                    row.put("cohortId", r[1]);
                    row.put("createdAt", Bangkok.text((Instant) r[2]));
                    return row;
                }).toList());
        data.put("trainerOfCohorts", em.createNativeQuery("SELECT cohort_id FROM cohort_trainer WHERE person_id = ?1 ORDER BY cohort_id")
                .setParameter(1, personId).getResultList());
        return data;
    }

    @Override
    public void erase(String personId) {
        em.createNativeQuery("DELETE FROM cohort_trainer WHERE person_id = ?1").setParameter(1, personId).executeUpdate();
        // the enrolments stay (they are the trainees'), without saying who put them forward
        em.createNativeQuery("UPDATE enrollment SET nominated_by = NULL WHERE nominated_by = ?1").setParameter(1, personId).executeUpdate();
    }
}
