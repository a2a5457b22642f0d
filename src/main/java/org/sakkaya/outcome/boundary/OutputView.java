package org.sakkaya.outcome.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.sakkaya.identity.boundary.PersonSummary;
import org.sakkaya.outcome.entity.AcademicOutput;
import org.sakkaya.outcome.entity.OutputKind;
import org.sakkaya.outcome.entity.OutputStatus;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.program.control.FiscalYear;

/**
 * An academic output. {@code counts} says whether it counts for indicators now (presented or published, evidence
 * confirmed); {@code fiscalYear} is the Buddhist-era year of {@code presentedOn}, else of {@code publishedOn}.
 */
public record OutputView(String id, String title, OutputKind kind, List<String> authorIds, List<AuthorView> authors,
                         String cohortId, String programId, OutputStatus status, LocalDate startedOn, @JsonbNillable LocalDate presentedOn,
                         LocalDate publishedOn, @JsonbNillable String venue, @JsonbNillable String evidenceUrl, boolean hasEvidenceFile,
                         boolean evidenceConfirmed, String evidenceConfirmedBy, OffsetDateTime evidenceConfirmedAt,
                         Integer fiscalYear, boolean counts) {
    public record AuthorView(String personId, String name, String organizationId) {
    }

    static OutputView of(AcademicOutput w, Map<String, PersonSummary> names) {
        return new OutputView(w.id(), w.title(), w.kind(), w.authors().stream().map(a -> a.personId()).toList(),
                w.authors().stream().map(a -> new AuthorView(a.personId(),
                        names.containsKey(a.personId()) ? names.get(a.personId()).fullNameTh() : null, a.organizationId())).toList(),
                w.cohortId(), w.programId(), w.status(), w.startedOn(), w.presentedOn(), w.publishedOn(), w.venue(),
                w.evidenceUrl(), w.evidenceFileId() != null, w.evidenceConfirmedAt() != null, w.evidenceConfirmedBy(),
                Bangkok.time(w.evidenceConfirmedAt()),
                w.countedOn() == null ? null : FiscalYear.of(w.countedOn()).buddhistYear(), w.counts());
    }
}
