package org.sakkaya.dev;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The raw-JDBC floors' connection pool: a fixed number of open connections that clients wait for, as the service's
 * own pool makes requests wait. Its size is the service's (32, {@code maxPoolSize} in
 * {@code org.sakkaya.platform.persistence.Database}), so that a floor at the same concurrency queues the same way.
 */
final class JdbcPool implements AutoCloseable {
    /** The service's JDBC pool size. */
    static final int SERVICE_POOL_SIZE = 32;

    interface Work<T> {
        T run(Connection db) throws Exception;
    }

    private final BlockingQueue<Connection> idle;
    private final Connection[] all;

    JdbcPool(String jdbc, int size) throws SQLException {
        idle = new ArrayBlockingQueue<>(size);
        all = new Connection[size];
        for (int i = 0; i < size; i++) {
            all[i] = DriverManager.getConnection(jdbc);
            idle.add(all[i]);
        }
    }

    /** Runs the work on a connection, waiting for one if all are taken. */
    <T> T with(Work<T> work) throws Exception {
        Connection db = idle.take();
        try {
            return work.run(db);
        } finally {
            idle.add(db);
        }
    }

    @Override
    public void close() throws SQLException {
        for (Connection db : all) {
            db.close();
        }
    }
}
