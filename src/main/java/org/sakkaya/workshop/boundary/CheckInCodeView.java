package org.sakkaya.workshop.boundary;

import java.time.OffsetDateTime;
import org.sakkaya.platform.Bangkok;

/** The code to show the room, and until when it works. */
public record CheckInCodeView(String code, OffsetDateTime expiresAt) {
    static CheckInCodeView of(Attendance.IssuedCode issued) {
        return new CheckInCodeView(issued.code(), Bangkok.time(issued.expiresAt()));
    }
}
