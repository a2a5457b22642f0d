package org.sakkaya.platform.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.sakkaya.platform.files.FileStore;

/**
 * Uploads (multipart bodies), whoever sends them and wherever, before the multipart reader writes them to the
 * temporary directory (it does so before the file store counts the file or the caller's rights are looked at):
 * <ul>
 * <li>declared larger than {@code sakkaya.files.max-bytes} and 1 MiB of envelope: 413 before a byte is read (1 GiB
 * was written to {@code /tmp} for a 413, and 500 MiB for a trainee's 404 on another cohort's assignment);</li>
 * <li>sent without a length (chunked): read through a cap, and 413 at its first byte past that size (any size was read
 * to its end into {@code /tmp});</li>
 * <li>stopping on the way (Grizzly's read timeout), or still arriving {@value #UPLOAD_SECONDS} s after the first byte
 * was asked for: 408 (it was a 500 after 30 s with the stack trace in the log, and a trickle held a thread for ever).
 * An upload of 25 MiB takes 10 minutes on a slow office line (350 kbit/s).</li>
 * </ul>
 * Behind the proxy (docs/OPERATIONS.md) nginx caps every body at 26 MiB and has it whole before Payara sees a byte.
 */
@Provider
@PreMatching
public class UploadLimit implements ContainerRequestFilter {
    public static final int UPLOAD_SECONDS = 600;
    private static final long ENVELOPE = 1024 * 1024;

    private static volatile long largest;

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !"multipart".equalsIgnoreCase(type.getType())) {
            return;
        }
        long declared = RequestBodies.declaredLength(request.getHeaderString("Content-Length"));
        if (declared > largest()) {
            request.abortWith(tooLarge().build());
        } else {
            request.setEntityStream(new Guarded(request.getEntityStream(), largest(), UPLOAD_SECONDS * 1_000_000_000L));
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

    private static Response.ResponseBuilder tooLarge() {
        return Problem.of(413, "too-large", "Content too large", detail()).toResponseBuilder().header("Connection", "close");
    }

    private static String detail() {
        return "An upload may carry a file of at most " + (largest() - ENVELOPE) + " bytes";
    }

    /**
     * A body read up to a cap and a deadline counted from its first read. Past either, or when a read fails, a read
     * throws a {@link WebApplicationException} (413 or 408), which whatever reads the stream (the multipart reader)
     * passes on or wraps, and {@link WebApplicationExceptionMapper} answers as problem+json, closing the connection.
     */
    static final class Guarded extends FilterInputStream {
        private final long cap;
        private final long nanos;
        private long read;
        private long deadline;
        private boolean started;

        Guarded(InputStream in, long cap, long nanos) {
            super(in);
            this.cap = cap;
            this.nanos = nanos;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (!started) {
                started = true;
                deadline = System.nanoTime() + nanos;
            }
            int n;
            try {
                n = super.read(buffer, offset, length);
            } catch (IOException stalled) {
                throw timedOut(stalled);
            }
            if (n > 0) {
                read += n;
                if (read > cap) {
                    throw new WebApplicationException(detail(), 413);
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw timedOut(null);
            }
            return n;
        }

        @Override
        public long skip(long n) {
            int length = (int) Math.min(Math.max(n, 0), 8192);
            return Math.max(read(new byte[length], 0, length), 0);
        }

        private static WebApplicationException timedOut(IOException cause) {
            return new WebApplicationException(cause, 408);
        }
    }
}
