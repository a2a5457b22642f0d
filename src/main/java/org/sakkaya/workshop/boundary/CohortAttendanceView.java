package org.sakkaya.workshop.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.sakkaya.workshop.entity.AttendanceStatus;
import org.sakkaya.platform.Bangkok;

/**
 * The cohort's attendance table: its sessions in order, and per seated trainee a status for each of them (null
 * where nothing is recorded) with the attendance figures. {@code attendancePercent} is null until a session has
 * ended; see the README for the rule.
 */
public record CohortAttendanceView(String cohortId, List<Column> sessions, List<Row> rows) {
    public record Column(String id, int number, String title, OffsetDateTime startsAt, OffsetDateTime endsAt) {
    }

    /** {@code ended}: sessions that have ended; {@code attended}, {@code excused}: how many of those. */
    public record Row(String enrollmentId, String personId, String personName, String organizationId,
                      List<AttendanceStatus> statuses, long ended, long attended, long excused,
                      @JsonbNillable BigDecimal attendancePercent) {
    }

    static CohortAttendanceView of(Attendance.Table table) {
        return new CohortAttendanceView(table.cohort().id(),
                table.sessions().stream().map(s -> new Column(s.id(), s.number(), s.title(), Bangkok.time(s.startsAt()),
                        Bangkok.time(s.endsAt()))).toList(),
                table.rows().stream().map(r -> new Row(r.seat().id(), r.seat().personId(),
                        r.person() == null ? null : r.person().fullNameTh(), r.seat().organizationId(), r.statuses(),
                        r.rate().ended(), r.rate().attended(), r.rate().excused(), r.rate().percent().orElse(null))).toList());
    }
}
