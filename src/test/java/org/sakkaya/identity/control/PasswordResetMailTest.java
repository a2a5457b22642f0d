package org.sakkaya.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PasswordResetMailTest {
    @Test
    void theLinksMailSaysUntilWhenInTheBuddhistEraThenInEnglish() {
        // 16:45 UTC on 25 November is 23:45 in Bangkok; 2569 in the Buddhist era
        RegistrationMail.Message mail = PasswordResetMail.link("https://learn.anamai.go.th/reset-password?token=abc",
                Instant.parse("2026-11-25T16:45:00Z"));

        assertThat(mail.subject()).isEqualTo("ตั้งรหัสผ่าน Sakkaya ใหม่ / Set a new Sakkaya password");
        assertThat(mail.text())
                .contains("ภายใน 25 พฤศจิกายน พ.ศ. 2569 เวลา 23:45 น.")
                .contains("\nhttps://learn.anamai.go.th/reset-password?token=abc\n")
                .contains("by 25 November 2026, 23:45 (Bangkok time)")
                .contains("รหัสผ่านเดิมยังใช้ได้").contains("your password still works");
        assertThat(mail.text().indexOf("ภายใน")).isLessThan(mail.text().indexOf("Open the link"));
    }

    @Test
    void theNoticeOfAPasswordSetByMailHasNothingToClick() {
        RegistrationMail.Message mail = PasswordResetMail.changed();
        assertThat(mail.subject()).contains("ถูกตั้งใหม่").contains("was changed");
        assertThat(mail.text()).contains("แจ้งผู้ดูแลระบบ").contains("tell your organisation's administrator")
                .doesNotContain("token").doesNotContain("http");
    }
}
