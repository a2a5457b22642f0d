package org.sakkaya.platform.files;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.sakkaya.platform.persistence.RepeatedWork;

/**
 * Every hour, deletes bytes in the file store that no record names ({@link FileStore#sweep()}): a person's erased
 * upload must not stay on disk because the process died at the wrong moment. Any instance may run it; the hour's
 * margin keeps it away from uploads still in their request.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FileStoreSweep {
    private static final Logger LOG = Logger.getLogger(FileStoreSweep.class.getName());

    @Inject
    FileStore store;

    private final RepeatedWork work = new RepeatedWork(FileStoreSweep.class, "delete the files that no record names",
            "files of failed uploads stay on disk", "every hour");

    @Schedule(hour = "*", minute = "37", persistent = false)
    void sweep() {
        work.run(() -> {
            int deleted = store.sweep();
            if (deleted > 0) {
                LOG.info(() -> "Deleted " + deleted + " files of the file store that no record names");
            }
            return null;
        });
    }
}
