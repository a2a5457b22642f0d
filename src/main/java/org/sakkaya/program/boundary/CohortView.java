package org.sakkaya.program.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.LocalDate;
import java.util.List;
import org.sakkaya.program.entity.Cohort;

/**
 * {@code fiscalYear} is the Buddhist-era fiscal year the cohort starts in. Every field is in the answer, {@code capacity}
 * null when the cohort has no limit.
 */
@JsonbNillable
public record CohortView(String id, String programId, int number, String nameTh, String organizerId,
                         LocalDate startsOn, LocalDate endsOn, Integer capacity, boolean enrollmentOpen,
                         PassPolicyRequest passPolicy, int fiscalYear, List<String> trainerIds) {
    static CohortView of(Cohort c) {
        return new CohortView(c.id(), c.programId(), c.number(), c.nameTh(), c.organizerId(), c.startsOn(), c.endsOn(),
                c.capacity(), c.enrollmentOpen(), PassPolicyRequest.of(c.passPolicy()), c.fiscalYear().buddhistYear(),
                c.trainerIds().stream().sorted().toList());
    }
}
