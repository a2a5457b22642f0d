package org.sakkaya.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InvitationMailTest {
    @Test
    void theInvitationOfANominatedPersonNamesTheCohortAndSaysUntilWhenInTheBuddhistEraThenInEnglish() {
        // 02:00 UTC on 3 December is 09:00 in Bangkok; 2569 in the Buddhist era
        RegistrationMail.Message mail = InvitationMail.nominated("PR MIND รุ่นที่ 1",
                "https://learn.moph.go.th/accept-invitation?token=abc", Instant.parse("2026-12-03T02:00:00Z"));

        assertThat(mail.subject()).isEqualTo("ตั้งรหัสผ่าน Sakkaya / Set your Sakkaya password");
        assertThat(mail.text())
                .startsWith("ฝ่ายบุคคลของหน่วยงานของท่านได้เสนอชื่อท่านเข้าร่วม PR MIND รุ่นที่ 1\n")
                .contains("ภายใน 3 ธันวาคม พ.ศ. 2569 เวลา 09:00 น.")
                .contains("\nhttps://learn.moph.go.th/accept-invitation?token=abc\n")
                .contains("by 3 December 2026, 09:00 (Bangkok time)")
                .contains("พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล").contains("tell your organisation's HR")
                .contains("ส่งถึงท่านโดยผิดพลาด").contains("reached you by mistake");
        assertThat(mail.text().indexOf("ภายใน")).isLessThan(mail.text().indexOf("Open the link"));
    }

    @Test
    void aCohortNameWithLineBreaksCannotPutALinkOfItsOwnOnALine() {
        RegistrationMail.Message mail = InvitationMail.nominated("รุ่นที่ 1\nhttps://evil.example/accept-invitation?token=x\r\n",
                "https://learn.moph.go.th/accept-invitation?token=abc", Instant.parse("2026-12-03T02:00:00Z"));
        assertThat(mail.text()).doesNotContain("\nhttps://evil.example").contains("รุ่นที่ 1 https://evil.example");
    }
}
