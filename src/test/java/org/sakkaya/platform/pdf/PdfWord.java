package org.sakkaya.platform.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text of a PDF's first page as PDFBox reads it back, in the pieces it hands out (a word, or a run of Thai as
 * OpenPDF wrote it): the text exactly as extracted and the box the ink of its glyphs covers, measured from the glyph
 * outlines of the embedded font, in PDF coordinates (origin bottom left, points).
 */
public record PdfWord(String text, double left, double right, double bottom, double top, double baseline, double size) {

    public boolean overlaps(double left, double bottom, double right, double top) {
        return this.left < right && left < this.right && this.bottom < top && bottom < this.top;
    }

    public boolean overlaps(PdfWord other) {
        return overlaps(other.left, other.bottom, other.right, other.top);
    }

    public boolean inside(double left, double bottom, double right, double top) {
        return this.left >= left && this.right <= right && this.bottom >= bottom && this.top <= top;
    }

    public static List<PdfWord> on(byte[] pdf) throws IOException {
        List<PdfWord> words = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            float height = document.getPage(0).getMediaBox().getHeight();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    words.add(measure(text, positions, height));
                    super.writeString(text, positions);
                }
            };
            stripper.setSortByPosition(true);
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            stripper.getText(document);
        }
        return words;
    }

    /**
     * The lines of {@code words}, top to bottom: words on one baseline, left to right, their texts joined without
     * separators (Thai has no spaces between words; a space OpenPDF printed is part of a word's text), without the
     * spaces at either end.
     */
    public static List<String> lines(List<PdfWord> words) {
        List<List<PdfWord>> lines = new ArrayList<>();
        words.stream().sorted(Comparator.comparingDouble(PdfWord::baseline).reversed()).forEach(w -> {
            if (lines.isEmpty() || Math.abs(lines.get(lines.size() - 1).get(0).baseline() - w.baseline()) > 1) {
                lines.add(new ArrayList<>());
            }
            lines.get(lines.size() - 1).add(w);
        });
        // PDFBox hands out a space at the edge of a line as a word of its own; where a line breaks nothing is printed
        return lines.stream().map(l -> String.join("", l.stream().sorted(Comparator.comparingDouble(PdfWord::left))
                .map(PdfWord::text).toList()).strip()).filter(l -> !l.isEmpty()).toList();
    }

    /**
     * Asserts that {@code lines} are {@code text} broken at Thai word boundaries only: joined they are the text exactly
     * (nothing inserted, nothing lost), every line ends where the JDK's Thai line break iterator puts a boundary in the
     * whole text, no line starts with a mark, ะ, า or ำ, and none ends with a leading vowel.
     */
    public static void assertBrokenAtWordBoundaries(String text, List<String> lines) {
        assertThat(String.join("", lines)).as("the lines joined").isEqualTo(text);
        BreakIterator words = BreakIterator.getLineInstance(Locale.forLanguageTag("th"));
        words.setText(text);
        int end = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            assertThat(line).as("line %d", i).isNotEmpty();
            end += line.length();
            if (i < lines.size() - 1) {
                assertThat(words.isBoundary(end)).as("a word boundary after line %d: %s|%s", i, line, lines.get(i + 1)).isTrue();
                assertThat("เแโใไ".indexOf(line.charAt(line.length() - 1))).as("line %d ends with a leading vowel: %s", i, line)
                        .isNegative();
            }
            if (i > 0) {
                char first = line.charAt(0);
                int type = Character.getType(first);
                assertThat(type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || "ะาำ".indexOf(first) >= 0)
                        .as("line %d starts with a mark or a following vowel: %s", i, line).isFalse();
            }
        }
    }

    private static PdfWord measure(String text, List<TextPosition> positions, float height) throws IOException {
        double left = Double.MAX_VALUE;
        double right = -Double.MAX_VALUE;
        double bottom = Double.MAX_VALUE;
        double top = -Double.MAX_VALUE;
        double size = 0;
        // the baseline most glyphs sit on: a mark lifted or lowered by the font's positioning sits elsewhere
        Map<Long, Integer> baselines = new HashMap<>();
        for (TextPosition p : positions) {
            double x = p.getXDirAdj();
            double y = height - p.getYDirAdj();
            double scale = p.getXScale() / 1000;
            size = Math.max(size, p.getXScale());
            baselines.merge(Math.round(y * 10), 1, Integer::sum);
            left = Math.min(left, x);
            right = Math.max(right, x + p.getWidthDirAdj());
            for (int code : p.getCharacterCodes()) {
                Rectangle2D ink = ((PDVectorFont) p.getFont()).getPath(code).getBounds2D();
                if (ink.isEmpty()) {
                    continue;
                }
                left = Math.min(left, x + ink.getMinX() * scale);
                right = Math.max(right, x + ink.getMaxX() * scale);
                bottom = Math.min(bottom, y + ink.getMinY() * scale);
                top = Math.max(top, y + ink.getMaxY() * scale);
            }
        }
        double baseline = baselines.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey() / 10.0).orElse(0.0);
        if (bottom > top) {
            bottom = baseline;
            top = baseline;
        }
        return new PdfWord(text, left, right, bottom, top, baseline, size);
    }
}
