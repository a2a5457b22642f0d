package org.sakkaya.certificate.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.sakkaya.platform.persistence.RepeatedWork;

/**
 * Jobs that were running when their instance stopped carry on where their last committed batch left off: at start-up,
 * and, for a job whose runner's lease had not yet run out then (a restart within two minutes) or whose instance died
 * while others run, as soon as the lease runs out, on whichever instance looks first. Every instance looks; the claim
 * is one conditional update, so one of them takes the job.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CertificateJobResumer {
    private final RepeatedWork work = new RepeatedWork(CertificateJobResumer.class, "resume the certificate jobs no instance runs",
            "a job whose instance stopped waits for the next question about its cohort", "every 15 seconds");

    @Inject
    CertificateJobs jobs;

    @PostConstruct
    void resume() {
        sweep();
    }

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
    void sweep() {
        work.run(() -> {
            jobs.resumeAll();
            return null;
        });
    }
}
