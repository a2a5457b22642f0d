package org.sakkaya.platform.pdf;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.LayoutProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Laksaman fonts shipped in {@code fonts/}, for PDFs in Thai: embedded as IDENTITY_H with OpenPDF's layout
 * processor (kerning, ligatures, ActualText), so stacked marks sit right and the text copies out exactly.
 * <p>
 * The layout processor is a switch for the whole JVM that must be on before a font is created, and OpenPDF refuses to
 * turn it on twice. {@link #enableLayout()} turns it on only if it is off. The layout processor opens the font again
 * as an AWT font, from a file path, so each font shipped inside the application is copied to a temporary file once;
 * OpenPDF itself keeps the font's bytes in memory.
 */
public final class ThaiFonts {
    private static BaseFont regular;
    private static BaseFont bold;

    private ThaiFonts() {
    }

    /** Turns the layout processor on, unless something turned it on already. */
    public static synchronized void enableLayout() {
        if (!LayoutProcessor.isEnabled()) {
            LayoutProcessor.enableKernLiga();
            LayoutProcessor.setWriteActualText();
        }
    }

    public static synchronized BaseFont regular() {
        if (regular == null) {
            regular = load("Laksaman.ttf");
        }
        return regular;
    }

    public static synchronized BaseFont bold() {
        if (bold == null) {
            bold = load("Laksaman-Bold.ttf");
        }
        return bold;
    }

    private static BaseFont load(String file) {
        enableLayout();
        try (InputStream in = ThaiFonts.class.getClassLoader().getResourceAsStream("fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("The font fonts/" + file + " is missing from the application");
            }
            byte[] font = in.readAllBytes();
            Path copy = Files.createTempFile("sakkaya-", "-" + file);
            copy.toFile().deleteOnExit();
            Files.write(copy, font);
            // the layout processor opens the copy; OpenPDF reads the glyphs it embeds from the bytes in memory. Given
            // only the path, it read the file again for every PDF, a byte per system call (half of a certificate's
            // time in native code, docs/BENCHMARKS.md)
            return BaseFont.createFont(copy.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, font, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
