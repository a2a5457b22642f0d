package org.sakkaya.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How a JSON body is read before anything parses it: whole, at most so much, and within its time. */
class RequestBodiesTest {
    private static final long LATER = System.nanoTime() + 60_000_000_000L;

    /** A client that sends a byte at a time, as one holding a request thread on purpose does. */
    private static InputStream trickle(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    @Test
    void aBodyIsReadWholeInPiecesUpToItsLimit() throws IOException {
        assertThat(new String(RequestBodies.readWithin(trickle("{\"nameTh\":\"กรมอนามัย\"}"), 1000, LATER), StandardCharsets.UTF_8))
                .isEqualTo("{\"nameTh\":\"กรมอนามัย\"}");
        // one byte over the limit is all that is read of a larger body: the caller refuses it as too large
        assertThat(RequestBodies.readWithin(new ByteArrayInputStream(new byte[5000]), 1001, LATER)).hasSize(1001);
    }

    @Test
    void aBodyStillArrivingAfterItsTimeIsRefusedAndAReadThatGivesUpToo() {
        // a byte now and then kept a request thread for ever; the deadline is checked between reads
        assertThatThrownBy(() -> RequestBodies.readWithin(trickle("{\"email\":\"somchai@example.org\"}"), 1000, System.nanoTime() - 1))
                .isInstanceOf(IOException.class).hasMessageContaining("deadline");
        // Grizzly's own read timeout (a body that stopped coming) reaches the caller as the IOException it is
        InputStream stalled = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new SocketTimeoutException("Read timed out");
            }
        };
        assertThatThrownBy(() -> RequestBodies.readWithin(stalled, 1000, LATER)).isInstanceOf(SocketTimeoutException.class);
    }
}
