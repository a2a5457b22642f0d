package org.sakkaya.workshop.boundary;

import org.sakkaya.workshop.entity.AttendanceStatus;

/**
 * One row of a bulk attendance request. Checked by the use case rather than by annotations, so that a refusal names
 * the row as {@code [i].personId}, the way the client indexes its array.
 */
public record AttendanceEntry(String personId, AttendanceStatus status) {
}
