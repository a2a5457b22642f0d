package org.sakkaya.certificate.boundary;

import java.util.Base64;
import org.sakkaya.certificate.control.CertificatePdf;
import org.sakkaya.platform.files.FileStore;
import org.sakkaya.platform.problem.InvalidInput;

/** Template images travel as data URLs; only PNG and JPEG that OpenPDF can print are taken. */
final class DataUrls {
    static final int MAX_BYTES = 256 * 1024;

    private DataUrls() {
    }

    /** The image in {@code url}, or null for none; {@code field} names it in the 400 problem. */
    static byte[] image(String url, String field) {
        if (url == null || url.isBlank()) {
            return null;
        }
        int comma = url.indexOf(',');
        String header = comma < 0 ? "" : url.substring(0, comma);
        if (!header.equals("data:image/png;base64") && !header.equals("data:image/jpeg;base64")) {
            throw new InvalidInput(field, "must be a data URL of a PNG or JPEG image (data:image/png;base64,...)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(url.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "is not valid Base64");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInput(field, "is larger than " + MAX_BYTES / 1024 + " KiB");
        }
        String claimed = header.substring("data:".length(), header.indexOf(';'));
        if (!claimed.equals(FileStore.typeOf(bytes))) {
            throw new InvalidInput(field, "does not hold the " + (claimed.endsWith("png") ? "PNG" : "JPEG") + " image it claims");
        }
        try {
            CertificatePdf.image(bytes);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "is an image that cannot be printed");
        }
        return bytes;
    }

    static String of(byte[] image) {
        if (image == null) {
            return null;
        }
        return "data:" + FileStore.typeOf(image) + ";base64," + Base64.getEncoder().encodeToString(image);
    }
}
