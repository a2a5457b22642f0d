package org.sakkaya.outcome.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * snapshots keep ids only and look names up when read, so they need nothing here.
 */
@ApplicationScoped
public class OutcomePersonalData implements PersonalDataHolder {
    @Inject
    AcademicOutputs outputs;

    @Override
    public String section() {
        return "academicOutputs";
    }

    @Override
    public Set<String> tables() {
        return Set.of("academic_output", "academic_output_author");
    }

    @Override
    public Map<String, Object> export(String personId) {
        List<AcademicOutput> authored = outputs.authoredBy(personId);
        var names = outputs.names(authored);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("academicOutputs", authored.stream().map(w -> OutputView.of(w, names)).toList());
        return data;
    }

    @Override
    public void erase(String personId) {
        outputs.eraseEvidenceOf(personId);
    }
}
