package org.sakkaya.program.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sakkaya.platform.mail.Mailer;
import org.sakkaya.platform.problem.DomainException;

/**
 * An installation without a mail server answers a file that asks for its invitations to be mailed with 503
 * {@code not-configured} naming the settings, before anything is counted, read or written. The integration tests run
 * with a mail server, so this is where the unconfigured answer is checked.
 */
class NominationMailNotConfiguredTest {

    @Test
    void aFileAskingForItsInvitationsToBeMailedAsksForTheMailSettings() {
        Nominations nominations = new Nominations();
        nominations.mails = new NominationMails();
        nominations.mails.mailer = new Mailer(new Mailer.Settings(Optional.empty(), 587, Mailer.Security.STARTTLS,
                Optional.empty(), Optional.empty(), Optional.of("Sakkaya <no-reply@learn.example.go.th>")));

        RuntimeException refused = catchRuntimeException(() -> nominations.nominate("cohort", "email\na@example.org\n", true));

        assertThat(refused).isInstanceOf(DomainException.class);
        DomainException problem = (DomainException) refused;
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.type()).isEqualTo("not-configured");
        assertThat(problem.getMessage()).contains("sakkaya.mail.host").contains("sakkaya.mail.from");
    }
}
