package org.sakkaya.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;
import org.sakkaya.platform.files.FileStore;

/**
 * An upload (multipart) declared larger than {@code sakkaya.files.max-bytes} and 1 MiB of envelope is answered 413
 * before a byte of it is read, whoever sends it and wherever: the multipart reader wrote a whole body to the temporary
 * directory before the file store's count or the caller's rights were looked at (1 GiB in {@code /tmp} for a 413, and
 * 500 MiB for a trainee's 404 on another cohort's assignment). A body sent without its length (chunked) is still
 * written there whole before the file store counts it; behind the proxy (docs/OPERATIONS.md) nginx caps every body at
 * 26 MiB.
 */
@Provider
@PreMatching
public class UploadLimit implements ContainerRequestFilter {
    private static final long ENVELOPE = 1024 * 1024;

    private static volatile long largest;

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type != null && "multipart".equalsIgnoreCase(type.getType())
                && RequestBodies.declaredLength(request.getHeaderString("Content-Length")) > largest()) {
            request.abortWith(Problem.of(413, "too-large", "Content too large", "An upload may carry a file of at most "
                    + (largest() - ENVELOPE) + " bytes").toResponseBuilder().header("Connection", "close").build());
        }
    }

    /** The largest multipart body taken: the file store's limit and the envelope around the file. */
    public static long largest() {
        if (largest == 0) {
            largest = ConfigProvider.getConfig().getOptionalValue(FileStore.MAX_BYTES, Long.class)
                    .orElse(Long.parseLong(FileStore.DEFAULT_MAX_BYTES)) + ENVELOPE;
        }
        return largest;
    }
}
