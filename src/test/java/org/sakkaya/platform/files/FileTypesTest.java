package org.sakkaya.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads are typed by their bytes; the name they came with is never asked. */
class FileTypesTest {
    private static final String WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @TempDir
    Path folder;

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path file = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    /** An Office package whose content types declare {@code mainType} for the part {@code part}. */
    private Path office(String name, String part, String mainType, String... more) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Override PartName=\"/" + part + "\" ContentType=\"" + mainType + "\"/></Types>");
        entries.put("_rels/.rels", "<Relationships/>");
        entries.put(part, "<x/>");
        for (String extra : more) {
            entries.put(extra, "x");
        }
        return zip(name, entries);
    }

    @Test
    void officeFilesAreToldApartByTheMainPartTheirPackageDeclaresWhateverTheirName() throws IOException {
        assertThat(FileStore.detect(office("report", "word/document.xml", WORD + ".main+xml"))).isEqualTo(WORD);
        // Word Online keeps its main part at word/document2.xml
        assertThat(FileStore.detect(office("online.bin", "word/document2.xml", WORD + ".main+xml"))).isEqualTo(WORD);
        assertThat(FileStore.detect(office("figures.pdf", "xl/workbook.xml",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(FileStore.detect(office("slides", "ppt/presentation.xml",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml")))
                .isEqualTo("application/vnd.openxmlformats-officedocument.presentationml.presentation");
    }

    @Test
    void aZipMacrosOrTheRightNamesAloneDoNotMakeAnOfficeFile() throws IOException {
        assertThat(FileStore.detect(zip("payload.docx", Map.of("evil.exe", "MZ", "readme.txt", "x")))).isEqualTo("application/zip");
        // the part names of a Word file, with no declared main part: a JAR or any ZIP could carry them
        assertThat(FileStore.detect(zip("report.docx", Map.of("[Content_Types].xml", "<Types/>", "word/document.xml", "<x/>",
                "Main.class", "x")))).isEqualTo("application/zip");
        // a macro-enabled document (.docm) is not a .docx
        assertThat(FileStore.detect(office("macro.docx", "word/document.xml", WORD + ".main+xml", "word/vbaProject.bin")))
                .isEqualTo("application/zip");
        assertThat(FileStore.ACCEPTED).doesNotContain("application/zip", "application/octet-stream");
    }

    @Test
    void unknownBytesAreNotWhatTheirNameSaysAndAPdfIsAPdfWithoutOne() throws IOException {
        Path unknown = folder.resolve("report.pdf");
        Files.write(unknown, new byte[] {0x13, 0x37, 0x00, 0x42, 0x7f, 0x01, 0x02, 0x03});
        assertThat(FileStore.detect(unknown)).isEqualTo("application/octet-stream");
        Path pdf = folder.resolve("no-extension");
        Files.write(pdf, "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(FileStore.detect(pdf)).isEqualTo("application/pdf");
    }

    @Test
    void anMp4OfTheCommonIsomBrandIsAnMp4() throws IOException {
        Path mp4 = folder.resolve("clip");
        Files.write(mp4, new byte[] {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'i', 's', 'o', '2',
                'a', 'v', 'c', '1', 'm', 'p', '4', '1', 0, 0, 0, 8, 'f', 'r', 'e', 'e'});
        assertThat(FileStore.detect(mp4)).isEqualTo("video/mp4");
    }

    @Test
    void aKeptNameEndsAsItsTypeDoes() {
        assertThat(FileStore.withExtension("report.jar", WORD)).isEqualTo("report.jar.docx");
        assertThat(FileStore.withExtension("ผลงาน.DOCX", WORD)).isEqualTo("ผลงาน.DOCX");
        assertThat(FileStore.withExtension("photo.jpeg", "image/jpeg")).isEqualTo("photo.jpeg");
        assertThat(FileStore.withExtension("photo", "image/jpeg")).isEqualTo("photo.jpg");
    }
}
