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
    /** Digits, dots, hex and colons only: a literal that {@link InetAddress#getByName} parses without DNS. */
    private static final Pattern LITERAL = Pattern.compile("(\\d{1,3}(\\.\\d{1,3}){3})|([0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)");

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
            InetAddress hop = parse(hops.get(i));
            if (hop == null) {
                return remote;
            }
            if (!trusts(hop)) {
                return hop.getHostAddress();
            }
        }
        return remote;
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
