package org.sakkaya.it;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Payara Micro's log as the test sees it. Arquillian copies the server's output line by line to {@code System.out};
 * failsafe writes it to the report file only later, so a test that must read the log (what the server says at
 * start-up, that an erased e-mail never shows) keeps its own copy. Call {@link #capture()} from a static initializer
 * of the IT class: that runs before Arquillian starts the server.
 */
public final class PayaraLog {
    private static final ByteArrayOutputStream COPY = new ByteArrayOutputStream();
    private static boolean capturing;

    private PayaraLog() {
    }

    public static synchronized void capture() {
        if (capturing) {
            return;
        }
        PrintStream original = System.out;
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (COPY) {
                    COPY.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (COPY) {
                    COPY.write(b, off, len);
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        }, true, StandardCharsets.UTF_8));
        capturing = true;
    }

    /** Everything the server (and this test JVM) wrote since {@link #capture()}. */
    public static String text() {
        synchronized (COPY) {
            return COPY.toString(StandardCharsets.UTF_8);
        }
    }
}
