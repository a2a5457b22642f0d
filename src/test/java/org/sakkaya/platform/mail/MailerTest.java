package org.sakkaya.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mail through a real SMTP server (GreenMail on a free port): Thai arrives exactly, failures say so. */
class MailerTest {
    private GreenMail smtp;
    private int port;

    @BeforeEach
    void start() throws IOException {
        port = freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private Mailer mailer(int port, String from) {
        return new Mailer(new Mailer.Settings(Optional.of("127.0.0.1"), port, Mailer.Security.NONE, Optional.empty(),
                Optional.empty(), Optional.ofNullable(from)));
    }

    @Test
    void thaiSubjectTextAndSenderNameArriveExactly() throws Exception {
        String text = "เรียน นางสาวกัญญารัตน์ ศรีสุข\nลิงก์นี้ใช้ได้ถึง 26 พฤศจิกายน พ.ศ. 2569 เวลา 09:30 น.\nกำหนด ก้าวหน้า ญี่ปุ่น ฤๅษี\n";
        mailer(port, "ศักยภาพ Sakkaya <no-reply@anamai.moph.go.th>")
                .send("kanyarat.s@anamai.moph.go.th", "ลงทะเบียนเข้าใช้ Sakkaya / Finish registering", text);

        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("ลงทะเบียนเข้าใช้ Sakkaya / Finish registering");
        assertThat(message.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat((String) message.getContent()).isEqualTo(text);
        InternetAddress from = (InternetAddress) message.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("ศักยภาพ Sakkaya");
        assertThat(from.getAddress()).isEqualTo("no-reply@anamai.moph.go.th");
        assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("kanyarat.s@anamai.moph.go.th");
    }

    @Test
    void aThaiDomainIsAddressedInItsAsciiForm() throws Exception {
        mailer(port, "no-reply@example.org").send("somchai@กรมอนามัย.ไทย", "ทดสอบ", "ทดสอบ");

        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).startsWith("somchai@xn--").endsWith(".xn--o3cw4h");
    }

    @Test
    void aServerThatCannotBeReachedIsAFailureToRetryNotARefusedAddress() throws IOException {
        int closed = freePort();
        assertThatThrownBy(() -> mailer(closed, "no-reply@example.org").send("somchai@dmh.go.th", "ทดสอบ", "ทดสอบ"))
                .isInstanceOfSatisfying(Mailer.NotSent.class, notSent -> assertThat(notSent.addressRefused()).isFalse());
    }

    @Test
    void withoutAHostOrASenderNothingIsConfigured() {
        assertThat(mailer(port, null).configured()).isFalse();
        assertThat(new Mailer(new Mailer.Settings(Optional.empty(), 25, Mailer.Security.STARTTLS, Optional.empty(),
                Optional.empty(), Optional.of("no-reply@example.org"))).configured()).isFalse();
        assertThat(mailer(port, "no-reply@example.org").configured()).isTrue();
    }

    @Test
    void theLogNeverNamesTheRecipient() {
        Exception refused = new jakarta.mail.SendFailedException("550 5.1.1 <somchai.jaidee@dmh.go.th>: Recipient address rejected",
                new IOException("while talking to mx.dmh.go.th about somchai.jaidee@dmh.go.th"));
        assertThat(Mailer.withoutAddresses(refused, "somchai.jaidee@dmh.go.th")).doesNotContain("somchai").contains("550 5.1.1")
                .contains("<address>");
        // a reply that quotes the mailbox name alone
        Exception unknown = new jakarta.mail.SendFailedException("550 user Somchai.Jaidee unknown");
        assertThat(Mailer.withoutAddresses(unknown, "somchai.jaidee@dmh.go.th")).isEqualTo("SendFailedException: 550 user <address> unknown");
        // a one-letter name is taken out where it stands alone, not from every word that has the letter
        Exception oneLetter = new jakarta.mail.SendFailedException("550 mailbox a unavailable at gateway");
        assertThat(Mailer.withoutAddresses(oneLetter, "a@dmh.go.th")).isEqualTo("SendFailedException: 550 mailbox <address> unavailable at gateway");
    }

    @Test
    void overTlsWithASignInTheMessageGoesToTheServerTheSettingsName() throws Exception {
        int tlsPort = freePort();
        GreenMail smtps = new GreenMail(new ServerSetup(tlsPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
        smtps.setUser("relay@anamai.moph.go.th", "relay-user", "Relay-Secret-2563");
        smtps.start();
        try {
            Mailer mailer = new Mailer(new Mailer.Settings(Optional.of("127.0.0.1"), tlsPort, Mailer.Security.TLS, Optional.of("relay-user"),
                    Optional.of("Relay-Secret-2563"), Optional.of("no-reply@anamai.moph.go.th")), true);
            mailer.send("kanyarat.s@anamai.moph.go.th", "ลงทะเบียน", "ข้อความ");

            assertThat(smtps.waitForIncomingEmail(5000, 1)).isTrue();
            assertThat(smtps.getReceivedMessages()[0].getSubject()).isEqualTo("ลงทะเบียน");
            // the plain server of this test got nothing: the settings' TLS server did
            assertThat(smtp.getReceivedMessages()).isEmpty();
        } finally {
            smtps.stop();
        }
    }

    @Test
    void aSenderThatIsNotAnAddressMeansNoMailIsSentNotAFailureAtEachRequest() {
        assertThat(mailer(port, "Sakkaya <no-reply@>").configured()).isFalse();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
