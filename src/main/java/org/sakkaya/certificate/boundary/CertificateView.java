package org.sakkaya.certificate.boundary;

import java.time.LocalDate;
import org.sakkaya.certificate.entity.Certificate;

/** A certificate in lists. {@code holderName} is the printed name; {@code replacedBy} the serial of its replacement. */
public record CertificateView(String serial, String kind, String holderName, String programNameTh, int cohortNumber,
                              LocalDate issuedOn, String status, String personId, String organizationId, String cohortId,
                              String sha256, String replacedBy) {
    static CertificateView of(Certificate c) {
        return new CertificateView(c.serial(), c.kind().name(), c.holderName(), c.programNameTh(), c.cohortNumber(), c.issuedOn(),
                c.status().name(), c.personId(), c.organizationId(), c.cohortId(), c.sha256(),
                c.replacedBy());
    }
}
