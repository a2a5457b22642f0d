package org.sakkaya.outcome.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sakkaya.outcome.entity.AcademicOutput;
import org.sakkaya.platform.privacy.PersonalDataHolder;

/**
 * The academic outputs a person is an author of. Erasure removes the works' evidence (a link or file that shows the
 * person: their video, their slides) and keeps the record, its authorship and its confirmation, so that indicator
 * figures stay; the author's name comes from the person record, which identity erasure anonymises. Indicator
 * snapshots keep ids only and look names up when read, so erasure leaves them (and the figures they froze); the
 * export lists where the person was counted, and how. Indicators a person created or
 * closed (as PROGRAM_ADMIN) are exported; erasure keeps those ids, as an account of who set a ministry's targets, and
 * they name nobody once identity erasure has anonymised the person record.
 */
@ApplicationScoped
public class OutcomePersonalData implements PersonalDataHolder {
    @Inject
    AcademicOutputs outputs;

    @PersistenceContext
    EntityManager em;

    @Override
    public String section() {
        return "academicOutputs";
    }

    @Override
    public Set<String> tables() {
        return Set.of("academic_output", "academic_output_author", "indicator", "indicator_snapshot_record");
    }

    @Override
    public Map<String, Object> export(String personId) {
        List<AcademicOutput> authored = outputs.authoredBy(personId);
        var names = outputs.names(authored);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("academicOutputs", authored.stream().map(w -> OutputView.of(w, names)).toList());
        List<Map<String, Object>> indicators = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT id, code, fiscal_year, created_by = ?1, closed_by = ?1 FROM indicator "
                + "WHERE created_by = ?1 OR closed_by = ?1 ORDER BY fiscal_year, code").setParameter(1, personId).getResultList()) {
            Object[] c = (Object[]) row;
            Map<String, Object> indicator = new LinkedHashMap<>();
            indicator.put("id", c[0]);
            indicator.put("code", c[1]);
            indicator.put("fiscalYear", c[2]);
            indicator.put("created", truthy(c[3]));
            indicator.put("closed", truthy(c[4]));
            indicators.add(indicator);
        }
        data.put("indicatorsCreatedOrClosed", indicators);
        List<Map<String, Object>> counted = new ArrayList<>();
        // the person's enrolments and certificates, by their id; the works they are an author of, by the work's
        for (Object row : em.createNativeQuery("SELECT i.id, i.code, i.fiscal_year, r.activity_id, r.record_type, r.record_id, r.passed "
                + "FROM indicator_snapshot_record r JOIN indicator_snapshot s ON s.activity_id = r.activity_id "
                + "JOIN indicator i ON i.id = s.indicator_id WHERE r.person_id = ?1 "
                + "UNION ALL SELECT i.id, i.code, i.fiscal_year, r.activity_id, r.record_type, r.record_id, r.passed "
                + "FROM indicator_snapshot_record r JOIN academic_output_author a ON a.output_id = r.record_id "
                + "JOIN indicator_snapshot s ON s.activity_id = r.activity_id JOIN indicator i ON i.id = s.indicator_id "
                + "WHERE r.record_type = 'OUTPUT' AND a.person_id = ?1 ORDER BY 3, 2, 4, 6")
                .setParameter(1, personId).getResultList()) {
            Object[] c = (Object[]) row;
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("indicatorId", c[0]);
            record.put("code", c[1]);
            record.put("fiscalYear", c[2]);
            record.put("activityId", c[3]);
            record.put("recordType", c[4]);
            record.put("recordId", c[5]);
            record.put("passed", c[6] == null ? null : truthy(c[6]));
            counted.add(record);
        }
        data.put("countedInClosedIndicators", counted);
        return data;
    }

    private static boolean truthy(Object value) {
        return value instanceof Number n ? n.intValue() != 0 : Boolean.TRUE.equals(value);
    }

    @Override
    public void erase(String personId) {
        outputs.eraseEvidenceOf(personId);
    }
}
