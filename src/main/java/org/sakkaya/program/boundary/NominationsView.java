package org.sakkaya.program.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.program.entity.EnrollmentStatus;

/**
 * The answer to a file of nominations: a line per row of the file, in its order, and the counts. A row that
 * registered someone carries their one-time {@code invitationToken} (7 days, for {@code POST /auth/invitations/accept})
 * and {@code invitationUrl}, the page that takes it, which HR hands to the person as after {@code POST /people}; the
 * answer is therefore not stored and not cached.
 */
public record NominationsView(String cohortId, long registered, long nominated, long alreadyInCohort, long invitationsQueued,
                              List<Line> items) {

    /** {@code row} is the spreadsheet's row number (the heading is row 1); {@code status} as the enrolment shows it. */
    public record Line(long row, Nominations.Outcome outcome, String personId, String email, String nameTh,
                       String organizationId, String enrollmentId, EnrollmentStatus status, String invitationToken,
                       String invitationUrl, OffsetDateTime invitationExpiresAt) {
    }

    /**
     * {@code invitationsQueued}: the invitations to be mailed after the commit, when the file asked for it (queued, not
     * yet delivered: what was sent is audited afterwards as {@code INVITATIONS_MAILED}).
     */
    static NominationsView of(String cohortId, List<Nominations.Nominated> done, java.util.function.UnaryOperator<String> linkOf,
                              boolean mailed) {
        List<Line> lines = done.stream().map(n -> new Line(n.row(), n.outcome(), n.personId(), n.email(),
                n.nameTh(), n.organizationId(), n.enrollment().id(), n.status(),
                n.invitationToken(), linkOf.apply(n.invitationToken()), Bangkok.time(n.invitationExpiresAt()))).toList();
        long registered = done.stream().filter(n -> n.outcome() == Nominations.Outcome.REGISTERED).count();
        long already = done.stream().filter(n -> n.outcome() == Nominations.Outcome.ALREADY_IN_COHORT).count();
        return new NominationsView(cohortId, registered, done.size() - already, already, mailed ? registered : 0, lines);
    }

    boolean carriesInvitations() {
        return registered > 0;
    }
}
