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
 * snapshots keep ids only and look names up when read, so they need nothing here. Indicators a person created or
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
        return Set.of("academic_output", "academic_output_author", "indicator");
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
