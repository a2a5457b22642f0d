package org.sakkaya.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one place that builds test deployments. Integration tests deploy the WAR that {@code mvn package} built,
 * the very artifact that ships, at the root context; so no test can pass on a hand-picked subset of classes.
 */
public final class Deployments {
    private Deployments() {
    }

    public static WebArchive application() {
        File war = new File("target/sakkaya.war");
        if (!war.isFile()) {
            throw new IllegalStateException("target/sakkaya.war is missing: run the tests with 'mvn verify'");
        }
        return ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(ShrinkWrap.createFromZipFile(WebArchive.class, war));
    }
}
