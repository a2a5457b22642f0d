package org.sakkaya.certificate.boundary;

import java.time.OffsetDateTime;
import org.sakkaya.certificate.entity.CertificateJob;
import org.sakkaya.platform.Bangkok;

/** A background issuing job: {@code done} of {@code total} handled so far, {@code issued} of them new certificates. */
public record CertificateJobView(String id, String cohortId, String status, int total, int done, int issued, String error,
                                 OffsetDateTime createdAt, OffsetDateTime finishedAt) {
    static CertificateJobView of(CertificateJob j) {
        return new CertificateJobView(j.id(), j.cohortId(), j.status().name(), j.total(), j.done(), j.issued(), j.error(),
                Bangkok.time(j.createdAt()), Bangkok.time(j.finishedAt()));
    }
}
