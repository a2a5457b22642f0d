package org.sakkaya.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The SMTP server of the integration tests: GreenMail, a real one in this JVM on {@code it.smtp.port}, to which the
 * deployed service sends its mail (the failsafe plugin points {@code sakkaya.mail.host} at it). Tests read what
 * arrived for an address, as its owner would.
 */
public final class TestMail {
    private static GreenMail server;
    private static int port;
    /** What arrived before a {@link #pause}: a stopped GreenMail forgets it. */
    private static final List<MimeMessage> received = new java.util.ArrayList<>();

    /** A message as its recipient reads it. */
    public record Mail(String subject, String text, String from, String contentType) {
    }

    private TestMail() {
    }

    static synchronized void start(int smtpPort) {
        port = smtpPort;
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Stops the server (its port refuses connections) until {@link #resume}, keeping what it received. */
    public static synchronized void pause() {
        received.addAll(List.of(running().getReceivedMessages()));
        server.stop();
        server = null;
    }

    /** Starts the server again after {@link #pause}. */
    public static synchronized void resume() {
        start(port);
    }

    /** Every message that arrived for this address, oldest first. */
    public static synchronized List<Mail> to(String address) {
        return java.util.stream.Stream.concat(List.copyOf(received).stream(), Arrays.stream(running().getReceivedMessages()))
                .filter(m -> addressedTo(m, address))
                .map(TestMail::read)
                .toList();
    }

    /** Waits (at most 10 s) until {@code count} messages arrived for this address, and answers them. */
    public static List<Mail> await(String address, int count) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        List<Mail> mail = to(address);
        while (mail.size() < count && Instant.now().isBefore(until)) {
            Thread.sleep(50);
            mail = to(address);
        }
        return mail;
    }

    private static GreenMail running() {
        if (server == null) {
            throw new IllegalStateException("The test mail server is not running (ItEnvironment starts it)");
        }
        return server;
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mail read(MimeMessage message) {
        try {
            return new Mail(message.getSubject(), (String) message.getContent(), message.getFrom()[0].toString(),
                    message.getContentType());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
