package org.sakkaya.platform.files;

import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.sakkaya.platform.problem.InvalidInput;

/**
 * Text fields of multipart forms. Browsers send them as UTF-8 without saying so; a part that names its charset is
 * read in it. (The runtime's own String conversion assumes ISO-8859-1 and would garble Thai.)
 */
public final class Parts {
    private static final int MAX_TEXT_BYTES = 1 << 20;

    private Parts() {
    }

    /**
     * A form's file input left empty: a browser still sends the part, with an empty file name and no bytes. It is no
     * file (a part that names a file of no bytes is one, and the file store refuses it as empty).
     */
    public static boolean isEmptyFileInput(EntityPart part) {
        return part != null && part.getFileName().map(String::isEmpty).orElse(false);
    }

    public static String text(EntityPart part, String field) {
        if (part == null) {
            return null;
        }
        Charset charset = StandardCharsets.UTF_8;
        String declared = part.getMediaType() == null ? null : part.getMediaType().getParameters().get("charset");
        if (declared != null) {
            try {
                charset = Charset.forName(declared);
            } catch (IllegalArgumentException unknown) {
                throw new InvalidInput(field, "has an unknown charset " + declared);
            }
        }
        try (InputStream in = part.getContent()) {
            byte[] bytes = in.readNBytes(MAX_TEXT_BYTES + 1);
            if (bytes.length > MAX_TEXT_BYTES) {
                throw new InvalidInput(field, "is longer than " + MAX_TEXT_BYTES + " bytes");
            }
            return new String(bytes, charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
