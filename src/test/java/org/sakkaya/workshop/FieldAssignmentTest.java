package org.sakkaya.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sakkaya.workshop.entity.FieldAssignment;

class FieldAssignmentTest {
    @Test
    void aReportInTheDueSecondIsOnTimeAndOneAfterItIsLate() {
        // due on 20 Oct 2023, Bangkok: 23:59:59 +07:00
        Instant due = Instant.parse("2023-10-20T16:59:59Z");
        FieldAssignment assignment = new FieldAssignment("cohort", "คลิปวิดีโอสั้น", null, due, null, Instant.parse("2023-10-01T00:00:00Z"));
        assertThat(assignment.isLate(Instant.parse("2023-10-20T16:59:59.400Z"))).isFalse();
        assertThat(assignment.isLate(Instant.parse("2023-10-20T16:59:59.999999Z"))).isFalse();
        assertThat(assignment.isLate(Instant.parse("2023-10-20T17:00:00Z"))).isTrue();
    }
}
