package org.sakkaya.program.entity;

/**
 * NOMINATED: proposed by HR, waiting for the organiser. ENROLLED: holds a seat. WAITLISTED: waits for a seat, in
 * order. WITHDRAWN: left (the date says whether before the cohort started). COMPLETED: held a seat to the cohort's end;
 * shown, never stored (see {@link Enrollment#statusOn}): the row keeps ENROLLED.
 */
public enum EnrollmentStatus {
    NOMINATED, ENROLLED, WAITLISTED, WITHDRAWN, COMPLETED;

    /** How a file for people (a gradebook spreadsheet) names it. */
    public String th() {
        return switch (this) {
            case NOMINATED -> "เสนอชื่อ รออนุมัติ";
            case ENROLLED -> "ได้ที่นั่ง";
            case WAITLISTED -> "รายชื่อสำรอง";
            case WITHDRAWN -> "ถอนตัว";
            case COMPLETED -> "อบรมครบหลักสูตร";
        };
    }

    /** Holds one of the cohort's seats. */
    public boolean takesSeat() {
        return this == ENROLLED || this == COMPLETED;
    }
}
