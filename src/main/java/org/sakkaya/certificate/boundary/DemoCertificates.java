package org.sakkaya.certificate.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo's certificates: PDFs cannot be written as SQL, so in the demo profile Data Scientist cohort 1's
 * certificates are issued at start-up, dated the cohort's last day, once (issuing is idempotent).
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class DemoCertificates {
    private static final Logger LOG = Logger.getLogger(DemoCertificates.class.getName());
    private static final String DATA_SCIENTIST_COHORT_1 = "0174e1e3-3d00-7004-8000-000000000001";

    @Inject
    @ConfigProperty(name = "sakkaya.demo", defaultValue = "false")
    boolean demo;

    @Inject
    Certificates certificates;

    @PostConstruct
    void issue() {
        if (!demo) {
            return;
        }
        Certificates.Issued issued = certificates.issueForDemo(DATA_SCIENTIST_COHORT_1, LocalDate.of(2020, 11, 26));
        LOG.info(() -> "Demo certificates: " + issued.issued() + " issued, " + issued.alreadyHeld() + " held already");
    }
}
