package org.sakkaya.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {
    private static byte[] multipart(String boundary, String text) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + text + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRetriedMultipartRequestWithANewBoundaryIsTheSameRequest() {
        String first = RequestFingerprint.of("POST", "/api/v1/assessments/a/submissions", "multipart/form-data; boundary=AaB03x",
                multipart("AaB03x", "รายงานโครงการ"));
        String retry = RequestFingerprint.of("POST", "/api/v1/assessments/a/submissions", "multipart/form-data; boundary=\"q9-Zx77\"",
                multipart("q9-Zx77", "รายงานโครงการ"));
        assertThat(retry).isEqualTo(first);
    }

    @Test
    void anotherBodyPathOrMethodIsAnotherRequest() {
        String type = "multipart/form-data; boundary=AaB03x";
        String base = RequestFingerprint.of("POST", "/api/v1/assessments/a/submissions", type, multipart("AaB03x", "รายงานโครงการ"));
        assertThat(RequestFingerprint.of("POST", "/api/v1/assessments/a/submissions", type, multipart("AaB03x", "รายงานโครงการ ฉบับแก้ไข")))
                .isNotEqualTo(base);
        assertThat(RequestFingerprint.of("POST", "/api/v1/assessments/b/submissions", type, multipart("AaB03x", "รายงานโครงการ")))
                .isNotEqualTo(base);
        assertThat(RequestFingerprint.of("PATCH", "/api/v1/assessments/a/submissions", type, multipart("AaB03x", "รายงานโครงการ")))
                .isNotEqualTo(base);
        byte[] json = "{\"text\":\"รายงาน\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(RequestFingerprint.of("POST", "/p", "application/json", json))
                .isEqualTo(RequestFingerprint.of("POST", "/p", "application/json", json.clone()))
                .isNotEqualTo(RequestFingerprint.of("POST", "/p", "application/json", "{\"text\":\"รายงาน2\"}".getBytes(StandardCharsets.UTF_8)));
    }
}
