package org.sakkaya.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client's address, which sign-in throttling, the verification page's limit and the audit log key on. By default
 * the connection's own address: {@code X-Forwarded-For} is written by whoever sends the request. Behind a reverse proxy
 * or load balancer every request would come from the proxy, and one client's failures would lock everyone out; so
 * {@code sakkaya.http.trusted-proxies} names the proxies (addresses or CIDR blocks) whose {@code X-Forwarded-For} is
 * believed. The client is then the last address in that header, read from the right, that is not a trusted proxy.
 * A header that is not a list of plain IP addresses is not believed at all.
 */
@ApplicationScoped
public class ClientAddresses {
    /**
     * An IPv4 address (octets 0-255) or an IPv6 one (hex, colons, an IPv4 tail), which {@link InetAddress#getByName}
     * parses as a literal: anything it could not parse would be looked up as a host name.
     */
    private static final Pattern LITERAL = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3})|([0-9A-Fa-f:][0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)");

    /** A hop with a port, as some proxies write it: {@code 203.0.113.7:5123} or {@code [2001:db8::1]:443}. */
    private static final Pattern WITH_PORT = Pattern.compile("(\\d{1,3}(\\.\\d{1,3}){3}):\\d{1,5}|\\[([0-9A-Fa-f:.]+)\\](:\\d{1,5})?");

    private final List<Block> trusted;

    @Inject
    public ClientAddresses(@ConfigProperty(name = "sakkaya.http.trusted-proxies") Optional<String> proxies) {
        // a comma-separated list, read as one string (Payara's injection takes no Optional<List<String>>)
        List<Block> blocks = new ArrayList<>();
        for (String proxy : proxies.orElse("").split(",")) {
            if (!proxy.isBlank()) {
                blocks.add(Block.parse(proxy.strip()));
            }
        }
        this.trusted = List.copyOf(blocks);
    }

    /** For CDI's proxy. */
    protected ClientAddresses() {
        this.trusted = List.of();
    }

    /** Reads the setting at start-up, so that a mistyped proxy stops the start instead of the first sign-in. */
    void onStart(@jakarta.enterprise.event.Observes @jakarta.enterprise.context.Initialized(ApplicationScoped.class) Object started) {
        java.util.logging.Logger.getLogger(ClientAddresses.class.getName()).info(() -> trusted.isEmpty()
                ? "Client addresses: the connection's (no trusted proxies)"
                : "Client addresses: X-Forwarded-For believed from " + trusted.size() + " trusted proxy address block(s)");
    }

    /** The address of the client that sent {@code request}, as far as trusted proxies tell it. */
    public String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        if (trusted.isEmpty() || !trusts(parse(remote))) {
            return remote;
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = parse(withoutPort(hops.get(i)));
            if (hop == null) {
                unbelieved(remote, hops.get(i));
                return remote;
            }
            if (!trusts(hop)) {
                return hop.getHostAddress();
            }
        }
        return remote;
    }

    /**
     * What a client's requests are counted under by a limit: its address, or for IPv6 its /64, which one subscriber
     * usually holds whole (each of its addresses would otherwise count apart).
     */
    public static String countingBlock(String address) {
        InetAddress parsed = parse(address);
        if (parsed == null || parsed.getAddress().length != 16) {
            return String.valueOf(address);
        }
        byte[] bytes = parsed.getAddress();
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            block.append(String.format("%02x%02x:", bytes[i], bytes[i + 1]));
        }
        return block.append(":/64").toString();
    }

    /** The address of a hop written with a port (or in brackets), or the hop as it is. */
    static String withoutPort(String hop) {
        java.util.regex.Matcher port = WITH_PORT.matcher(hop);
        if (!port.matches()) {
            return hop;
        }
        return port.group(1) != null ? port.group(1) : port.group(3);
    }

    private final java.util.concurrent.atomic.AtomicLong lastWarning = new java.util.concurrent.atomic.AtomicLong();

    /** A trusted proxy sent a header that is not believed: said in the log, at most once a minute. */
    private void unbelieved(String proxy, String hop) {
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if (now - last > 60_000 && lastWarning.compareAndSet(last, now)) {
            java.util.logging.Logger.getLogger(ClientAddresses.class.getName()).warning(() -> "The trusted proxy " + proxy
                    + " sent an X-Forwarded-For hop that is not an IP address (" + hop.substring(0, Math.min(hop.length(), 60))
                    + "); its own address counts as the client's, and its clients share its sign-in limits");
        }
    }

    private boolean trusts(InetAddress address) {
        return address != null && trusted.stream().anyMatch(block -> block.contains(address));
    }

    /** A plain IP literal, or null for anything else (never a DNS look-up). */
    static InetAddress parse(String text) {
        if (text == null || text.length() > 45 || !LITERAL.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address block: {@code 10.0.0.0/8}, {@code 2001:db8::/32}, or one address. */
    record Block(byte[] network, int prefix) {
        static Block parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = ClientAddresses.parse(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("sakkaya.http.trusted-proxies: " + text + " is not an IP address or CIDR block");
            }
            int bits = address.getAddress().length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("sakkaya.http.trusted-proxies: " + text + " has no valid prefix length", e);
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("sakkaya.http.trusted-proxies: " + text + " has a prefix outside 0-" + bits);
            }
            return new Block(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
