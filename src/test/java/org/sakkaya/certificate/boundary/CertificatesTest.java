package org.sakkaya.certificate.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sakkaya.certificate.control.Serials;
import org.sakkaya.platform.audit.AuditEvent;

class CertificatesTest {
    @Test
    void aZipsAuditRowsListEverySerialOnceAndEachFitsItsColumn() {
        for (int count : List.of(0, 1, 72, 73, 74, 150, 1000, 12_345)) {
            List<String> serials = IntStream.range(0, count).mapToObj(i -> Serials.next()).toList();
            List<String> details = Certificates.bulkDetails(serials, AuditEvent.MAX_DETAIL);
            List<String> listed = new ArrayList<>();
            for (String detail : details) {
                assertThat(detail).as("a row of %d serials", count).hasSizeLessThanOrEqualTo(AuditEvent.MAX_DETAIL)
                        .startsWith(count + " certificates");
                String list = detail.substring(detail.indexOf(": ") + 2);
                if (!list.isEmpty()) {
                    listed.addAll(List.of(list.split(",")));
                }
            }
            assertThat(listed).as("the serials of %d, in order", count).isEqualTo(serials);
            // rows nearly full (room is kept for the widest heading): each but the last lacks room for two more serials
            details.subList(0, details.size() - 1).forEach(detail ->
                    assertThat(detail.length() + 2 * (1 + Serials.LENGTH)).isGreaterThan(AuditEvent.MAX_DETAIL));
        }
        assertThat(Certificates.bulkDetails(List.of("A", "B").stream().map(s -> s.repeat(Serials.LENGTH)).toList(), AuditEvent.MAX_DETAIL))
                .containsExactly("2 certificates: " + "A".repeat(Serials.LENGTH) + "," + "B".repeat(Serials.LENGTH));
    }
}
