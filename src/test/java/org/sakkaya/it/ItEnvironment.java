package org.sakkaya.it;

import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.sakkaya.dev.DevKeys;
import org.sakkaya.dev.EmbeddedMariaDb;

/**
 * Before any integration test: the token keys, a fresh test database, on an embedded MariaDB unless
 * {@code -Dit.db.embedded=false} points the run at a server (see the README), and the SMTP server the service sends
 * its mail to ({@link TestMail}). Payara Micro, started by Arquillian, finds them through the environment the failsafe
 * plugin gives it. Unit tests (surefire) skip all of this.
 */
public class ItEnvironment implements LauncherSessionListener {
    private EmbeddedMariaDb embedded;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String url = System.getProperty("it.db.url");
        if (url == null) {
            return;
        }
        Path dataDir = Path.of(System.getProperty("it.data.dir"));
        DevKeys.ensure(dataDir.resolve("keys"));
        DevKeys.ensureSigningStore(dataDir.resolve("keys"));
        String database = url.substring(url.lastIndexOf('/') + 1);
        if (Boolean.parseBoolean(System.getProperty("it.db.embedded", "true"))) {
            embedded = EmbeddedMariaDb.start(dataDir.resolve("mariadb"), Integer.parseInt(System.getProperty("it.db.port")));
            embedded.database(database, true);
        } else {
            TestDatabase.recreate(url, System.getProperty("it.db.user"), System.getProperty("it.db.password", ""));
        }
        TestMail.start(Integer.parseInt(System.getProperty("it.smtp.port")));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestMail.stop();
        if (embedded != null) {
            embedded.close();
        }
    }
}
