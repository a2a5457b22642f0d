package org.sakkaya.certificate.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** Jobs that were running when the service stopped carry on where their last committed batch left off. */
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
}
