package org.sakkaya.platform.startup;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;
import org.sakkaya.platform.Jsons;

/**
 * Warns at start-up when the JVM lacks {@code -D}{@value #PROPERTY}, which the README's production command, the run
 * command and the Arquillian container pass.
 * <p>
 * {@link Jsons} holds the JSON-P provider for Sakkaya's own code, but Payara's code calls {@code Json.createReader}
 * and the builders on every request: its MicroProfile JWT parser for each signed-in call, its health checks for each
 * probe. Payara's JSON-P API reads the property once, when it is first used, and without it every one of those calls
 * runs a {@code ServiceLoader} over the application's jars, finds nothing there (Payara keeps Parsson in an OSGi
 * bundle) and then asks OSGi. A profile of the deadline-quiz benchmark (issue 7, scenario 2) put 26% of the CPU of
 * the service's request threads in that search. Setting the property from here would come too late, after Payara
 * has read it, so this only tells the operator.
 */
@Startup
@Singleton
public class JsonProviderCheck {
    static final String PROPERTY = "jakarta.json.provider";
    private static final Logger LOG = Logger.getLogger(JsonProviderCheck.class.getName());

    @PostConstruct
    void check() {
        String chosen = System.getProperty(PROPERTY);
        if (chosen == null) {
            LOG.warning(() -> "The JVM was started without -D" + PROPERTY + "=" + Jsons.providerClassName()
                    + ": Payara looks the JSON-P provider up again for every signed-in request (see the README's production command)");
        } else {
            LOG.info(() -> "JSON-P provider named by the JVM's options: " + chosen);
        }
    }
}
