package org.sakkaya.workshop.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.OffsetDateTime;
import org.sakkaya.workshop.entity.WorkshopSession;
import org.sakkaya.platform.Bangkok;

/** Times in Bangkok time. The fields API.md lists are always there, null when empty. */
public record SessionView(String id, String cohortId, int number, String title, OffsetDateTime startsAt,
                          OffsetDateTime endsAt, @JsonbNillable String venue, @JsonbNillable String onlineUrl,
                          @JsonbNillable String speaker) {
    static SessionView of(WorkshopSession s) {
        return new SessionView(s.id(), s.cohortId(), s.number(), s.title(), Bangkok.time(s.startsAt()),
                Bangkok.time(s.endsAt()), s.venue(), s.onlineUrl(), s.speaker());
    }
}
