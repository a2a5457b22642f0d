package org.sakkaya.certificate.boundary;

import java.time.Instant;
import org.sakkaya.certificate.entity.CertificateJob;

/** A background issuing job: {@code done} of {@code total} handled so far, {@code issued} of them new certificates. */
public record CertificateJobView(String id, String cohortId, String status, int total, int done, int issued, String error,
                                 Instant createdAt, Instant finishedAt) {
    static CertificateJobView of(CertificateJob j) {
        return new CertificateJobView(j.id(), j.cohortId(), j.status().name(), j.total(), j.done(), j.issued(), j.error(),
                j.createdAt(), j.finishedAt());
    }
}
