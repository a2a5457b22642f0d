package org.sakkaya.program.boundary;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import org.sakkaya.platform.persistence.RepeatedWork;
import org.sakkaya.program.control.KnownSeats;

/**
 * Every five seconds each instance forgets the seats given up lately on any instance (see {@link KnownSeats}): a
 * trainee withdrawn on another instance no longer reads their course here within that time.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KnownSeatsPoll {
    private final RepeatedWork read = new RepeatedWork(KnownSeatsPoll.class, "read the seats given up lately",
            "trainees withdrawn on other instances may read their courses here until this works again, for at most "
                    + KnownSeats.LIFETIME.toMinutes() + " minutes after their seat was last read", "every five seconds");

    @Inject
    KnownSeats seats;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void poll() {
        read.run(() -> seats.refresh(clock.instant()) + " seats remembered");
    }
}
