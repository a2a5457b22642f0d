package org.sakkaya.identity.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sakkaya.platform.mail.Mailer;
import org.sakkaya.platform.problem.DomainException;

/**
 * An installation without a mail server (the run command's, until one is set) answers both requests for a link with
 * 503 {@code not-configured} naming the settings, before anything is counted or stored. The integration tests run
 * with a mail server, so this is where the unconfigured answer is checked.
 */
class MailNotConfiguredTest {
    private static final Mailer NO_MAIL = new Mailer(new Mailer.Settings(Optional.empty(), 587, Mailer.Security.STARTTLS,
            Optional.empty(), Optional.empty(), Optional.of("Sakkaya <no-reply@learn.example.go.th>")));

    @Test
    void aPasswordResetAsksForTheMailSettings() {
        PasswordResets resets = new PasswordResets();
        resets.mailer = NO_MAIL;
        assertNotConfigured(catchRuntimeException(() -> resets.request("trainee@example.org")));
    }

    @Test
    void aRegistrationAsksForTheMailSettings() {
        Registrations registrations = new Registrations();
        registrations.mailer = NO_MAIL;
        assertNotConfigured(catchRuntimeException(() -> registrations.request("kannat.s@dmh.go.th")));
    }

    /** The problem the mapper answers with: its status, type and detail (DomainExceptionMapper). */
    private static void assertNotConfigured(RuntimeException refused) {
        assertThat(refused).isInstanceOf(DomainException.class);
        DomainException problem = (DomainException) refused;
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.type()).isEqualTo("not-configured");
        assertThat(problem.getMessage()).contains("sakkaya.mail.host").contains("sakkaya.mail.from");
    }
}
