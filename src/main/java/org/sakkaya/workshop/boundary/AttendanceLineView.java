package org.sakkaya.workshop.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.OffsetDateTime;
import org.sakkaya.workshop.entity.AttendanceRecord;
import org.sakkaya.workshop.entity.AttendanceStatus;
import org.sakkaya.platform.Bangkok;

/**
 * One seated trainee on a session's sheet. {@code status} is null while nothing is recorded; {@code checkedInAt}
 * is set when the trainee checked in themself; {@code recordedBy} is whoever wrote the status last.
 */
public record AttendanceLineView(String personId, String personName, String organizationId,
                                 @JsonbNillable AttendanceStatus status, OffsetDateTime checkedInAt,
                                 String recordedBy, OffsetDateTime recordedAt) {
    static AttendanceLineView of(Attendance.Line line) {
        AttendanceRecord r = line.record();
        return new AttendanceLineView(line.seat().personId(), line.person() == null ? null : line.person().fullNameTh(),
                line.seat().organizationId(), r == null ? null : r.status(), r == null ? null : Bangkok.time(r.checkedInAt()),
                r == null ? null : r.recordedBy(), r == null ? null : Bangkok.time(r.recordedAt()));
    }
}
