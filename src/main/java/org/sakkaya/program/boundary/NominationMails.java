package org.sakkaya.program.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sakkaya.identity.boundary.Authentication;
import org.sakkaya.identity.control.InvitationMail;
import org.sakkaya.identity.control.RegistrationMail;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.mail.Mailer;

/**
 * Mails the people a file of nominations registered their invitation links, once the file is committed (a file rolled
 * back mails nobody), one after another on a managed thread: the answer does not wait for 500 mails. What it came to is
 * audited afterwards ({@code INVITATIONS_MAILED}: how many were sent, how many not, and how many were void by then,
 * accepted, replaced, erased or moved to another address, and so not sent), and logged when some were not, without
 * addresses; the answer's links still work for HR to hand over. After {@value #GIVE_UP_AFTER} failures in
 * a row the mail server is taken to be down, and the rest are not tried (each try may wait 20 s for a server that
 * hangs, on a thread the password-reset mails share).
 */
@ApplicationScoped
public class NominationMails {
    static final int GIVE_UP_AFTER = 5;
    private static final Logger LOG = Logger.getLogger(NominationMails.class.getName());

    @Inject
    Mailer mailer;

    @Inject
    Audit audit;

    @Inject
    Authentication authentication;

    @Resource
    ManagedExecutorService executor;

    /** One person's invitation to mail. */
    public record Invitation(String email, String token, String link, Instant expiresAt) {
    }

    /** The invitations of one committed file: the cohort they were nominated to, and who sent the file from where. */
    public record ToMail(String cohortId, String cohortNameTh, String actorId, String clientAddress, List<Invitation> invitations) {
    }

    boolean configured() {
        return mailer.configured();
    }

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) ToMail file) {
        try {
            executor.execute(() -> mail(file));
        } catch (RejectedExecutionException e) {
            LOG.warning("Could not mail " + file.invitations().size() + " invitations of a file of nominations: the server is shutting"
                    + " down or busy; the answer's invitationUrl links still work");
        }
    }

    private void mail(ToMail file) {
        int sent = 0;
        int voided = 0;
        int failedInARow = 0;
        for (Invitation invitation : file.invitations()) {
            if (failedInARow == GIVE_UP_AFTER) {
                break;
            }
            RegistrationMail.Message message = InvitationMail.nominated(file.cohortNameTh(), invitation.link(), invitation.expiresAt());
            try {
                // still the invitation of that address: not accepted, replaced, erased or moved to another address since
                if (!authentication.invitationFor(invitation.token()).map(invitation.email()::equals).orElse(false)) {
                    voided++;
                    continue;
                }
                mailer.send(invitation.email(), message.subject(), message.text());
                sent++;
                failedInARow = 0;
            } catch (Mailer.NotSent | RuntimeException e) {
                // the Mailer logged why, without the address; anything else is logged here, without it too
                failedInARow++;
                if (!(e instanceof Mailer.NotSent)) {
                    LOG.log(Level.WARNING, "An invitation mail failed: " + e.getClass().getName());
                }
            }
        }
        int notSent = file.invitations().size() - sent - voided;
        if (notSent > 0) {
            LOG.warning(notSent + " of " + file.invitations().size() + " invitation mails of a file of nominations were not sent"
                    + (failedInARow == GIVE_UP_AFTER ? " (the mail server failed " + GIVE_UP_AFTER + " times in a row; the rest were not tried)" : "")
                    + " (cohort " + file.cohortId() + "); the answer's invitationUrl links still work");
        }
        try {
            audit.recordAfterwards(file.actorId(), "INVITATIONS_MAILED", "cohort", file.cohortId(), "sent=" + sent + " notSent=" + notSent + " void=" + voided,
                    file.clientAddress());
        } catch (RuntimeException e) {
            LOG.warning("Could not audit the invitation mails of a file of nominations: " + e.getClass().getName());
        }
    }
}
