package org.sakkaya.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileNamesTest {
    @Test
    void aThaiNameReadAsLatin1IsRepaired() {
        String mojibake = new String("คู่มือ.pdf".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(FileStore.safeName(mojibake)).isEqualTo("คู่มือ.pdf");
    }

    @Test
    void namesThatAreNotMojibakeStayAsTheyAre() {
        assertThat(FileStore.safeName("résumé.pdf")).isEqualTo("résumé.pdf");
        assertThat(FileStore.safeName("คู่มือ.pdf")).isEqualTo("คู่มือ.pdf");
        assertThat(FileStore.safeName("report.docx")).isEqualTo("report.docx");
    }

    @Test
    void pathsControlCharactersAndQuotesAreDropped() {
        assertThat(FileStore.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileStore.safeName("C:\\Users\\x\\a\"b\u0007.pdf")).isEqualTo("ab.pdf");
        assertThat(FileStore.safeName("")).isEqualTo("file");
        assertThat(FileStore.safeName(null)).isEqualTo("file");
    }
}
