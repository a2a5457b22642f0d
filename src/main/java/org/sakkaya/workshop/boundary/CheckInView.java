package org.sakkaya.workshop.boundary;

import java.time.OffsetDateTime;
import org.sakkaya.workshop.entity.AttendanceRecord;
import org.sakkaya.workshop.entity.AttendanceStatus;
import org.sakkaya.platform.Bangkok;

/** What a check-in recorded: PRESENT, or LATE after the grace period. */
public record CheckInView(String sessionId, String personId, AttendanceStatus status, OffsetDateTime checkedInAt) {
    static CheckInView of(AttendanceRecord r) {
        return new CheckInView(r.sessionId(), r.personId(), r.status(), Bangkok.time(r.checkedInAt()));
    }
}
