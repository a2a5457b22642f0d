package org.sakkaya.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RegistrationMailTest {
    @Test
    void theLinksMailSaysUntilWhenInTheBuddhistEraThenInEnglish() {
        // 02:30 UTC is 09:30 in Bangkok, on 26 November 2026, which is 2569 in the Buddhist era
        RegistrationMail.Message mail = RegistrationMail.link("กรมสุขภาพจิต", "Department of Mental Health",
                "https://learn.dmh.go.th/register?token=abc", Instant.parse("2026-11-26T02:30:00Z"), "https://learn.dmh.go.th/privacy");

        assertThat(mail.subject()).isEqualTo("ลงทะเบียนเข้าใช้ Sakkaya / Finish registering for Sakkaya");
        assertThat(mail.text())
                .contains("ในฐานะบุคลากรของ กรมสุขภาพจิต")
                .contains("ภายใน 26 พฤศจิกายน พ.ศ. 2569 เวลา 09:30 น.")
                .contains("\nhttps://learn.dmh.go.th/register?token=abc\n")
                .contains("ประกาศความเป็นส่วนตัว: https://learn.dmh.go.th/privacy")
                .contains("as staff of Department of Mental Health")
                .contains("by 26 November 2026, 09:30 (Bangkok time)");
        assertThat(mail.text().indexOf("กรมสุขภาพจิต")).isLessThan(mail.text().indexOf("Department of Mental Health"));
    }

    @Test
    void anOrganisationWithoutAnEnglishNameIsNamedInThaiInBothHalves() {
        RegistrationMail.Message mail = RegistrationMail.link("ศูนย์สื่อสารสาธารณะ", null, "https://x/register?token=t",
                Instant.parse("2026-11-26T02:30:00Z"), null);
        assertThat(mail.text()).contains("as staff of ศูนย์สื่อสารสาธารณะ.").doesNotContain("ประกาศความเป็นส่วนตัว:").doesNotContain("null");
    }

    @Test
    void anAddressWithAnAccountGetsNoLink() {
        RegistrationMail.Message mail = RegistrationMail.existingAccount();
        assertThat(mail.text()).contains("มีบัญชีอยู่แล้ว").contains("has an account already").doesNotContain("token").doesNotContain("http");
    }
}
