package org.sakkaya.certificate.boundary;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.sakkaya.certificate.entity.CertificateTemplate;
import org.sakkaya.platform.Bangkok;

/** A template as stored, images back as data URLs so that a client can edit and PUT it again. */
public record TemplateView(String programId, String kind, String title, String issuerName, List<String> bodyLines,
                           List<TemplateRequest.SignatoryRequest> signatories, String logo, String accentColor,
                           BigDecimal minAttendancePercent, OffsetDateTime updatedAt) {
    static TemplateView of(CertificateTemplate t) {
        return new TemplateView(t.programId(), t.kind().name(), t.title(), t.issuerName(), t.bodyLines(),
                t.signatories().stream().map(s -> new TemplateRequest.SignatoryRequest(s.name(), s.position(),
                        DataUrls.of(s.signatureImage()))).toList(),
                DataUrls.of(t.logo()), t.accentColor(), t.minAttendancePercent(), Bangkok.time(t.updatedAt()));
    }
}
