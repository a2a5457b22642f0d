package org.sakkaya.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads are typed by their bytes; the name they came with is never asked. */
class FileTypesTest {
    @TempDir
    Path folder;

    private Path zip(String name, String... entries) throws IOException {
        Path file = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    @Test
    void officeFilesAreToldApartByTheirMainPartWhateverTheirName() throws IOException {
        assertThat(FileStore.detect(zip("report", "[Content_Types].xml", "_rels/.rels", "word/document.xml")))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(FileStore.detect(zip("figures.bin", "[Content_Types].xml", "xl/workbook.xml")))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(FileStore.detect(zip("slides.pdf", "[Content_Types].xml", "ppt/presentation.xml")))
                .isEqualTo("application/vnd.openxmlformats-officedocument.presentationml.presentation");
    }

    @Test
    void aZipOrUnknownBytesAreNotWhatTheirNameSays() throws IOException {
        assertThat(FileStore.detect(zip("payload.docx", "evil.exe", "readme.txt"))).isEqualTo("application/zip");
        Path unknown = folder.resolve("report.pdf");
        Files.write(unknown, new byte[] {0x13, 0x37, 0x00, 0x42, 0x7f, 0x01, 0x02, 0x03});
        assertThat(FileStore.detect(unknown)).isEqualTo("application/octet-stream");
        assertThat(FileStore.ACCEPTED).doesNotContain("application/zip", "application/octet-stream");
        Path pdf = folder.resolve("no-extension");
        Files.write(pdf, "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(FileStore.detect(pdf)).isEqualTo("application/pdf");
    }
}
