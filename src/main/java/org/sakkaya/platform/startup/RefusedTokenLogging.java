package org.sakkaya.platform.startup;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Payara's token store logs every token it refuses (expired, altered, not ours) at INFO with a stack trace of about
 * 5 KB, so anyone could fill the server's log by sending bad tokens, and an expired session wrote one per request.
 * The client gets a 401 problem+json (ErrorPageServlet); the log keeps Payara's warnings and errors only.
 * <p>
 * Grizzly logs a query or form parameter it cannot decode (a lone {@code %}, as {@code curl -d} sends a password with
 * one) at INFO with its value: a new password typed on the reset page, or a link's token, ended in the log, where a
 * token could be used. The page or API answers the mistake; the log keeps Grizzly's errors only.
 */
@Startup
@Singleton
public class RefusedTokenLogging {
    static final String LOGGER = "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore";

    static final String PARAMETERS_LOGGER = "org.glassfish.grizzly.http.util.Parameters";

    /** Held here: java.util.logging keeps loggers weakly, and a collected one would come back at its old level. */
    private static final Logger TOKEN_STORE = Logger.getLogger(LOGGER);
    private static final Logger PARAMETERS = Logger.getLogger(PARAMETERS_LOGGER);

    @PostConstruct
    void quieten() {
        TOKEN_STORE.setLevel(Level.WARNING);
        PARAMETERS.setLevel(Level.SEVERE);
    }
}
