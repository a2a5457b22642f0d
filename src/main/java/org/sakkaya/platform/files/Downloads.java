package org.sakkaya.platform.files;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Files go out as attachments, with their detected type and nosniff, so a browser never runs them as a page. */
public final class Downloads {
    private Downloads() {
    }

    public static Response attachment(StoredFile file, FileStore store) {
        String encoded = URLEncoder.encode(file.originalName(), StandardCharsets.UTF_8).replace("+", "%20");
        String ascii = file.originalName().replaceAll("[^\\x20-\\x7E]", "_");
        return Response.ok((jakarta.ws.rs.core.StreamingOutput) out -> {
                    try (var in = store.open(file)) {
                        in.transferTo(out);
                    }
                }, file.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Length", file.sizeBytes())
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
