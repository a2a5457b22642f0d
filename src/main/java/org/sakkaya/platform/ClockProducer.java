package org.sakkaya.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/** Deadlines, fiscal years and token expiry read the time through an injected clock, so rules can be tested. */
@ApplicationScoped
public class ClockProducer {
    @Produces
    Clock clock() {
        // microseconds: what DATETIME(6) keeps, so an instant answered before and after a reload is the same
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
