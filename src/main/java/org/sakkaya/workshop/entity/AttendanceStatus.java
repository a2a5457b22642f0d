package org.sakkaya.workshop.entity;

/**
 * How a trainee attended one session. PRESENT and LATE count as attended; EXCUSED (ลา, with the trainer's leave)
 * is left out of the attendance percentage altogether; ABSENT counts against it.
 */
public enum AttendanceStatus {
    PRESENT, LATE, EXCUSED, ABSENT;

    public boolean attended() {
        return this == PRESENT || this == LATE;
    }
}
