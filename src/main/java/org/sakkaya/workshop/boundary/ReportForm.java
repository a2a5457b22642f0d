package org.sakkaya.workshop.boundary;

import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sakkaya.platform.problem.InvalidInput;
import org.sakkaya.platform.Links;
import org.sakkaya.platform.files.Parts;

/**
 * A field report sent as {@code multipart/form-data}, the way a browser form sends it: a {@code text} part,
 * {@code links} parts (one per link) and a {@code file} part. Text parts are read up to a limit, in the charset
 * they name or else UTF-8 (what browsers send); the file is passed on as a stream for the file store to check.
 */
final class ReportForm {
    record Parsed(String text, List<String> links, FieldReports.Upload file) {
    }

    private ReportForm() {
    }

    static Parsed parse(List<EntityPart> parts) {
        String text = null;
        List<String> links = new ArrayList<>();
        FieldReports.Upload file = null;
        for (EntityPart part : parts) {
            String name = Objects.toString(part.getName(), "");
            switch (name) {
                case "text" -> {
                    if (text != null) {
                        throw new InvalidInput("text", "send one text part");
                    }
                    text = read(part, "text", FieldReports.MAX_TEXT);
                }
                case "links" -> {
                    // a form sends its link inputs left empty too, as empty parts: no link, as with an empty file input
                    String link = read(part, "links[" + links.size() + "]", Links.MAX_LENGTH);
                    if (!link.isBlank()) {
                        links.add(link);
                    }
                }
                case "file" -> {
                    if (Parts.isEmptyFileInput(part)) {
                        continue;
                    }
                    if (file != null) {
                        throw new InvalidInput("file", "send one file");
                    }
                    file = new FieldReports.Upload(part.getFileName().orElse("file"), part.getContent());
                }
                default -> throw new InvalidInput(name.isEmpty() ? "body" : name,
                        "is not a part of a field report; send text, links and file");
            }
        }
        return new Parsed(text, links, file);
    }

    private static String read(EntityPart part, String field, int maxChars) {
        Charset charset = charsetOf(part.getMediaType(), field);
        // four bytes are the most a character takes in UTF-8; the character count is checked after decoding
        int maxBytes = maxChars * 4;
        try (InputStream in = part.getContent()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new InvalidInput(field, "at most " + maxChars + " characters");
            }
            String value = new String(bytes, charset);
            if (value.length() > maxChars) {
                throw new InvalidInput(field, "at most " + maxChars + " characters");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Charset charsetOf(MediaType type, String field) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "names an unknown charset");
        }
    }
}
