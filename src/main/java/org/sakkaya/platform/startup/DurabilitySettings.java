package org.sakkaya.platform.startup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The MariaDB settings that decide whether an acknowledged commit survives a crash of the database or of its
 * machine. With {@code innodb_flush_log_at_trx_commit=1} InnoDB writes and syncs its redo log at every commit;
 * 0 and 2 lose up to a second of acknowledged submits when the server or the machine dies. When the binary log is
 * on (replicas, point-in-time recovery), {@code sync_binlog=1} keeps it in step with InnoDB; otherwise a crash can
 * leave a replica or a restored backup without commits the primary acknowledged.
 *
 * @param flushLogAtTrxCommit {@code @@innodb_flush_log_at_trx_commit}
 * @param binaryLog           {@code @@log_bin}
 * @param syncBinlog          {@code @@sync_binlog}
 */
public record DurabilitySettings(int flushLogAtTrxCommit, boolean binaryLog, long syncBinlog) {

    /** The server's settings as they are now (they can be changed at run time with SET GLOBAL). */
    public static DurabilitySettings of(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT @@innodb_flush_log_at_trx_commit, @@log_bin, @@sync_binlog")) {
            row.next();
            return new DurabilitySettings(row.getInt(1), row.getBoolean(2), row.getLong(3));
        }
    }

    /** What is weaker than recommended, in words an operator can act on; empty when durable. */
    public List<String> weaknesses() {
        List<String> weak = new ArrayList<>();
        if (flushLogAtTrxCommit != 1) {
            weak.add("innodb_flush_log_at_trx_commit=" + flushLogAtTrxCommit
                    + ": commits acknowledged in the last second can be lost in a crash (set it to 1)");
        }
        if (binaryLog && syncBinlog != 1) {
            weak.add("sync_binlog=" + syncBinlog
                    + " with the binary log on: replicas and point-in-time restores can miss acknowledged commits (set it to 1)");
        }
        return weak;
    }

    public boolean durable() {
        return weaknesses().isEmpty();
    }
}
