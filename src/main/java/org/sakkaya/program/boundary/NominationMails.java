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
import java.util.logging.Logger;
import org.sakkaya.identity.control.InvitationMail;
import org.sakkaya.identity.control.RegistrationMail;
import org.sakkaya.platform.mail.Mailer;

/**
 * Mails the people a file of nominations registered their invitation links, once the file is committed (a file rolled
 * back mails nobody), one after another on a managed thread: the answer does not wait for 500 mails. A mail that cannot
 * be sent is counted in the log, without its address; the answer's links still work for HR to hand over.
 */
@ApplicationScoped
public class NominationMails {
    private static final Logger LOG = Logger.getLogger(NominationMails.class.getName());

    @Inject
    Mailer mailer;

    @Resource
    ManagedExecutorService executor;

    /** One person's invitation to mail. */
    public record Invitation(String email, String link, Instant expiresAt) {
    }

    /** The invitations of one committed file, and the cohort they were nominated to. */
    public record ToMail(String cohortNameTh, List<Invitation> invitations) {
    }

    boolean configured() {
        return mailer.configured();
    }

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) ToMail file) {
        try {
            executor.execute(() -> {
                int failed = 0;
                for (Invitation invitation : file.invitations()) {
                    RegistrationMail.Message message = InvitationMail.nominated(file.cohortNameTh(), invitation.link(), invitation.expiresAt());
                    try {
                        mailer.send(invitation.email(), message.subject(), message.text());
                    } catch (Mailer.NotSent e) {
                        failed++; // the Mailer logged why, without the address
                    }
                }
                if (failed > 0) {
                    LOG.warning(failed + " of " + file.invitations().size() + " invitation mails of a file of nominations could not be sent;"
                            + " the answer's invitationUrl links still work");
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warning("Could not mail " + file.invitations().size() + " invitations of a file of nominations: the server is shutting"
                    + " down or busy; the answer's invitationUrl links still work");
        }
    }
}
