package org.sakkaya.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Deadlines, fiscal years and token expiry read the time through an injected clock, so rules can be tested. */
@ApplicationScoped
public class ClockProducer {
    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
