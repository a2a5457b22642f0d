package org.sakkaya.workshop.boundary;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.sakkaya.workshop.entity.FieldAssignment;
import org.sakkaya.platform.Bangkok;

/**
 * {@code dueOn} is the Bangkok date of {@code dueAt}'s last moment: a work due at midnight is due on the day before,
 * as a session ending at midnight ends on the day before (it said the next day, and a trainee reading it handed in
 * late).
 */
public record FieldAssignmentView(String id, String cohortId, String title, String brief, OffsetDateTime dueAt,
                                  LocalDate dueOn, String afterSessionId, OffsetDateTime createdAt) {
    static FieldAssignmentView of(FieldAssignment a) {
        OffsetDateTime due = Bangkok.time(a.dueAt());
        return new FieldAssignmentView(a.id(), a.cohortId(), a.title(), a.brief(), due, due.minusNanos(1).toLocalDate(),
                a.afterSessionId(), Bangkok.time(a.createdAt()));
    }
}
