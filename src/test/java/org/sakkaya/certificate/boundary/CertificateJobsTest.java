package org.sakkaya.certificate.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.Test;
import org.sakkaya.platform.problem.RuleViolation;

class CertificateJobsTest {
    @Test
    void aJobStoppedByARuleSaysTheRulesWordsEvenWhenWrapped() {
        RuleViolation refused = new RuleViolation("certificate-does-not-fit", "The text does not fit on one page: shorten it");
        assertThat(CertificateJobs.failure(refused, "job-1")).contains("The text does not fit on one page: shorten it")
                .doesNotContain("asking again");
        assertThat(CertificateJobs.failure(new TransactionalException("rolled back", refused), "job-1"))
                .contains("The text does not fit on one page: shorten it");
    }

    @Test
    void anyOtherFailureSaysOnlyWhereToLook() {
        String said = CertificateJobs.failure(new IllegalStateException("Deadlock found when trying to get lock; SELECT * FROM certificate"),
                "job-1");
        assertThat(said).contains("asking again issues the rest", "certificate job job-1").doesNotContain("Deadlock", "SELECT");
    }
}
