package org.sakkaya.certificate.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Jobs that were running when their instance stopped carry on where their last committed batch left off: at start-up,
 * and, for a job whose runner's lease had not yet run out then (a restart within two minutes) or whose instance died
 * while others run, as soon as the lease runs out, on whichever instance looks first. Every instance looks; the claim
 * is one conditional update, so one of them takes the job.
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class CertificateJobResumer {
    @Inject
    CertificateJobs jobs;

    @PostConstruct
    void resume() {
        jobs.resumeAll();
    }

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
    void sweep() {
        jobs.resumeAll();
    }
}
