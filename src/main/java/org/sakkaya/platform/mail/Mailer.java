package org.sakkaya.platform.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.IDN;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends plain-text mail (UTF-8, Thai and English) through the SMTP server the settings name. Without
 * {@code sakkaya.mail.host} nothing is sent and the features that need mail answer 503 {@code not-configured}. The
 * log never names a recipient: a mail server's refusal quotes the address, and the address is personal data.
 */
@ApplicationScoped
public class Mailer {
    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());
    private static final Pattern ADDRESS = Pattern.compile("\\S+@\\S+");
    private static final String TIMEOUT_MS = "10000";

    /** How the connection to the mail server is protected. */
    public enum Security { STARTTLS, TLS, NONE }

    /** The settings, read once. {@code from} may carry a display name: {@code Sakkaya <no-reply@example.go.th>}. */
    public record Settings(Optional<String> host, int port, Security security, Optional<String> username,
                           Optional<String> password, Optional<String> from) {
    }

    /** The mail server did not take the message; the log says why, without the address. */
    public static class NotSent extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean addressRefused;

        NotSent(String message, boolean addressRefused, Throwable cause) {
            super(message, cause);
            this.addressRefused = addressRefused;
        }

        /** The server refused the recipient (no such mailbox, say): a retry would fail the same way. */
        public boolean addressRefused() {
            return addressRefused;
        }
    }

    private Settings settings;
    private Session session;
    private String protocol;
    private InternetAddress sender;

    protected Mailer() {
    }

    @Inject
    public Mailer(@ConfigProperty(name = "sakkaya.mail.host") Optional<String> host,
                  @ConfigProperty(name = "sakkaya.mail.port", defaultValue = "587") int port,
                  @ConfigProperty(name = "sakkaya.mail.security", defaultValue = "starttls") String security,
                  @ConfigProperty(name = "sakkaya.mail.username") Optional<String> username,
                  @ConfigProperty(name = "sakkaya.mail.password") Optional<String> password,
                  @ConfigProperty(name = "sakkaya.mail.from") Optional<String> from) {
        this(new Settings(host.filter(h -> !h.isBlank()).filter(h -> security(security).isPresent()), port,
                security(security).orElse(Security.STARTTLS), username.filter(u -> !u.isBlank()), password,
                from.filter(f -> !f.isBlank())), false);
    }

    public Mailer(Settings settings) {
        this(settings, false);
    }

    private static Optional<Security> security(String setting) {
        try {
            return Optional.of(Security.valueOf(setting.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            LOG.severe(() -> "sakkaya.mail.security is '" + setting + "', not starttls, tls or none: no mail is sent");
            return Optional.empty();
        }
    }

    /**
     * @param trustAnyServer for tests only: a TLS server's certificate is taken without checking it or its name (the
     *                       test server's is self-signed). The settings never turn this on.
     */
    Mailer(Settings settings, boolean trustAnyServer) {
        this.settings = settings;
        this.protocol = settings.security() == Security.TLS ? "smtps" : "smtp";
        if (settings.host().isPresent() && settings.from().isEmpty()) {
            LOG.warning("sakkaya.mail.host is set but sakkaya.mail.from is not: no mail is sent until both are");
        }
        settings.from().ifPresent(from -> {
            try {
                this.sender = sender(from);
            } catch (AddressException e) {
                LOG.severe(() -> "sakkaya.mail.from is not an address (" + e.getMessage() + "): no mail is sent");
            }
        });
        Properties properties = new Properties();
        if (sender != null) {
            // the Message-ID's right-hand side: the sender's domain, not this machine's name ("localhost")
            properties.put("mail.from", sender.getAddress());
        }
        settings.host().ifPresent(host -> {
            // every property under the protocol the transport is asked for by name (send below): Transport.send would
            // choose plain smtp by the recipient's address type, whatever the settings say
            String prefix = "mail." + protocol + ".";
            properties.put(prefix + "host", host);
            properties.put(prefix + "port", String.valueOf(settings.port()));
            properties.put(prefix + "connectiontimeout", TIMEOUT_MS);
            properties.put(prefix + "timeout", TIMEOUT_MS);
            properties.put(prefix + "writetimeout", TIMEOUT_MS);
            properties.put(prefix + "auth", String.valueOf(settings.username().isPresent()));
            // the message is sent once the server took it: QUIT's answer is not waited for
            properties.put(prefix + "quitwait", "false");
            if (settings.security() == Security.STARTTLS) {
                properties.put(prefix + "starttls.enable", "true");
                properties.put(prefix + "starttls.required", "true");
            }
            if (settings.security() != Security.NONE) {
                properties.put(prefix + "ssl.checkserveridentity", String.valueOf(!trustAnyServer));
                if (trustAnyServer) {
                    properties.put(prefix + "ssl.trust", "*");
                }
            }
        });
        this.session = Session.getInstance(properties);
    }

    /** Whether mail can be sent at all on this installation. */
    public boolean configured() {
        return settings.host().isPresent() && sender != null;
    }

    /** Sends one plain-text message; answers when the mail server has taken it. */
    public void send(String to, String subject, String text) throws NotSent {
        if (!configured()) {
            throw new IllegalStateException("No mail server configured (sakkaya.mail.host, sakkaya.mail.from)");
        }
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(sender);
            message.setRecipient(Message.RecipientType.TO, recipient(to));
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            message.setSentDate(new Date());
            // RFC 3834: no out-of-office replies to a machine's message
            message.setHeader("Auto-Submitted", "auto-generated");
            message.saveChanges();
            Transport transport = session.getTransport(protocol);
            try {
                transport.connect(settings.host().orElseThrow(), settings.port(), settings.username().orElse(null),
                        settings.username().isPresent() ? settings.password().orElse("") : null);
                transport.sendMessage(message, message.getAllRecipients());
            } finally {
                close(transport);
            }
        } catch (SendFailedException e) {
            Address[] invalid = e.getInvalidAddresses();
            boolean refused = invalid != null && invalid.length > 0;
            LOG.log(Level.WARNING, () -> "A mail was not sent: " + withoutAddresses(e, to));
            throw new NotSent(refused ? "The mail server refused the address" : "The mail server did not take the message", refused, null);
        } catch (MessagingException e) {
            LOG.log(Level.WARNING, () -> "A mail was not sent: " + withoutAddresses(e, to));
            throw new NotSent("The mail server could not be reached or did not take the message", false, null);
        }
    }

    /** Once the server took the message it is sent: a failure to say goodbye afterwards is not the message's. */
    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            LOG.fine(() -> "Closing the mail connection failed after the message: " + e.getClass().getSimpleName());
        }
    }

    private static InternetAddress sender(String from) throws AddressException {
        InternetAddress address = new InternetAddress(from, true);
        try {
            // a Thai display name, encoded for the header
            return address.getPersonal() == null ? address : new InternetAddress(address.getAddress(), address.getPersonal(), "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    /** The recipient with an internationalised domain in its ASCII form, which every mail server routes. */
    static InternetAddress recipient(String to) throws AddressException {
        int at = to.lastIndexOf('@');
        String ascii = at < 0 ? to : to.substring(0, at + 1) + IDN.toASCII(to.substring(at + 1));
        return new InternetAddress(ascii, true);
    }

    /**
     * The exception's kind and message, with whatever looks like an address taken out, and the recipient's mailbox
     * name too, which a server's reply may quote alone ("550 user kannat.s unknown").
     */
    static String withoutAddresses(Throwable e, String recipient) {
        int at = recipient.lastIndexOf('@');
        String mailbox = at > 0 ? recipient.substring(0, at) : recipient;
        // the name as a whole word only: a one-letter name must not take every such letter out of the line
        Pattern named = Pattern.compile("(?<![\\p{L}\\p{N}._-])" + Pattern.quote(mailbox) + "(?![\\p{L}\\p{N}._-])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                String withoutAddress = ADDRESS.matcher(t.getMessage().strip()).replaceAll("<address>");
                text.append(": ").append(mailbox.isEmpty() ? withoutAddress : named.matcher(withoutAddress).replaceAll("<address>"));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return text.toString();
    }
}
