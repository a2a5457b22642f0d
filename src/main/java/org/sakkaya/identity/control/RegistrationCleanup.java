package org.sakkaya.identity.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.sakkaya.platform.persistence.RepeatedWork;

/**
 * Every hour, removes registration and password-reset links nobody used before they expired: a registration link
 * holds an address that asked and nothing else, and neither serves anything once expired. Every instance may run it: the delete is idempotent.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RegistrationCleanup {
    private static final Logger LOG = Logger.getLogger(RegistrationCleanup.class.getName());

    @Inject
    RegistrationLinks links;

    @Inject
    PasswordResetLinks resetLinks;

    private final RepeatedWork work = new RepeatedWork(RegistrationCleanup.class, "remove registration and password-reset links that expired",
            "they keep the addresses that asked for them", "every hour");

    @Schedule(hour = "*", minute = "41", persistent = false)
    void forgetExpired() {
        work.run(() -> {
            int forgotten = links.forgetExpired();
            int resets = resetLinks.forgetExpired();
            if (forgotten + resets > 0) {
                LOG.fine(() -> "Removed " + forgotten + " registration links and " + resets + " password-reset links that expired");
            }
            return null;
        });
    }
}
