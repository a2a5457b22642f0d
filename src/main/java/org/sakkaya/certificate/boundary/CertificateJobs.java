package org.sakkaya.certificate.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sakkaya.certificate.entity.CertificateJob;
import org.sakkaya.platform.problem.DomainException;

/**
 * Issues a large cohort's certificates in the background, {@value #BATCH} per transaction, so a poller sees the
 * count grow and a crash loses at most one batch's work (which the restart redoes: issuing is idempotent). Jobs
 * still RUNNING when the service stopped are resumed by {@link CertificateJobResumer}, at start-up and once their lease has
 * run out. One job runs per
 * cohort; asking again while it runs answers the running job. With several instances on one database, a job is run by
 * the instance that holds its lease (its id and a heartbeat written by every batch, {@link CertificateJobStore#claim}).
 */
@ApplicationScoped
public class CertificateJobs {
    static final int BATCH = 20;
    private static final Logger LOG = Logger.getLogger(CertificateJobs.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    CertificateJobStore store;

    @Inject
    CertificateIssuer issuer;


    /** This instance, as the runner of the jobs it runs. */
    private final String instance = org.sakkaya.platform.persistence.Ids.next();

    /** The jobs this instance is running now. */
    private final java.util.Set<String> runningHere = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Starts a job for the cohort, whose caller has asked {@link #running} first; a parallel request that started one
     * a moment earlier is answered with that one.
     */
    public CertificateJob start(String cohortId, int pending, LocalDate issuedOn, String requestedBy) {
        CertificateJob job;
        try {
            job = store.create(cohortId, pending, issuedOn, requestedBy, instance);
        } catch (TransactionalException | PersistenceException e) {
            // a parallel request started one a moment earlier: the unique key on active_cohort_id said so
            return store.running(cohortId).orElseThrow(() -> e);
        }
        submit(job.id());
        return job;
    }

    public CertificateJob find(String id) {
        return store.find(id);
    }

    /**
     * The job issuing the cohort's certificates now, if one is. A job marked RUNNING that no instance runs (its
     * instance stopped, perhaps while the database was down, and could not even record that it failed; its lease has
     * run out) is resumed here from its last committed batch, as at start-up, instead of being answered forever. One
     * that another instance runs is left to it.
     */
    public java.util.Optional<CertificateJob> running(String cohortId) {
        java.util.Optional<CertificateJob> running = store.running(cohortId);
        running.filter(job -> !runningHere.contains(job.id()) && claimed(job.id())).ifPresent(job -> {
            LOG.warning(() -> "Resuming certificate job " + job.id() + ", which was marked running but was not");
            submit(job.id());
        });
        return running;
    }

    /**
     * Resumes every RUNNING job that no instance runs: at start-up, and every few seconds after it
     * ({@link CertificateJobResumer#sweep}), since a job whose instance restarted within the lease, or died, still
     * looks run at start-up and would otherwise wait for somebody to ask about its cohort.
     */
    void resumeAll() {
        List<String> running = store.allRunning().stream()
                .filter(id -> !runningHere.contains(id) && claimed(id)).toList();
        if (!running.isEmpty()) {
            LOG.info(() -> "Resuming " + running.size() + " certificate job(s)");
        }
        for (String jobId : running) {
            try {
                submit(jobId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Certificate job " + jobId + " could not be resumed here; it is left for the next question", e);
            }
        }
    }

    /**
     * Whether this instance now runs the job. A claim that fails (another instance hangs in the middle of a batch,
     * holding the job's row; or the database is down) takes nothing: the job is answered as it stands, and the next
     * sweep or question tries again.
     */
    private boolean claimed(String jobId) {
        try {
            return store.claim(jobId, instance);
        } catch (RuntimeException e) {
            if (lockFailure(e)) {
                LOG.fine(() -> "Certificate job " + jobId + " is held by a batch in flight elsewhere; not claimed here now");
            } else {
                LOG.log(Level.WARNING, "Certificate job " + jobId + " could not be claimed here now", e);
            }
            return false;
        }
    }

    /** A lock wait that timed out (or a deadlock) anywhere in the causes. */
    private static boolean lockFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (org.sakkaya.platform.problem.FallbackExceptionMapper.isLockFailure(cause)) {
                return true;
            }
        }
        return false;
    }

    private void submit(String jobId) {
        if (runningHere.add(jobId)) {
            try {
                executor.submit(() -> {
                    try {
                        run(jobId);
                    } finally {
                        runningHere.remove(jobId);
                    }
                });
            } catch (RuntimeException e) {
                // not taken (the executor is shutting down): given up, so that the next question about the cohort, on
                // any instance, resumes it
                runningHere.remove(jobId);
                store.release(jobId, instance);
                throw e;
            }
        }
    }

    private void run(String jobId) {
        try {
            List<Certificates.Pending> pending = store.plan(jobId);
            CertificateJob job = store.find(jobId);
            for (int from = 0; from < pending.size(); from += BATCH) {
                issuer.issue(job.cohortId(), pending.subList(from, Math.min(from + BATCH, pending.size())), job.issuedOn(),
                        job.requestedBy(), jobId, instance);
            }
            store.finish(jobId, CertificateJob.Status.DONE, null, instance);
        } catch (CertificateIssuer.LeaseLost e) {
            // this instance went unheard for a lease and another took the job over: it issues the rest
            LOG.warning(() -> e.getMessage() + "; this instance stops");
        } catch (RuntimeException e) {
            Optional<DomainException> refused = refusal(e);
            if (refused.isPresent()) {
                // a rule refused (a certificate that does not fit its page), as it would have refused the request had it
                // been issued within it: the job says why to the administrator who asks; the log says which rule only,
                // as its words name the holder, whom erasure must not find in the log
                LOG.info(() -> "Certificate job " + jobId + " stopped by a rule: " + refused.get().type());
            } else {
                LOG.log(Level.SEVERE, "Certificate job " + jobId + " stopped", e);
            }
            store.finish(jobId, CertificateJob.Status.FAILED, failure(e, jobId), instance);
        }
    }

    /**
     * What a failed job tells the administrator. A rule of the domain that refused (a certificate that does not fit
     * its page) refuses again at every asking until something is changed, so its detail, written for users, is what
     * they need; any other failure is ours, and its message may say what users must not see: only where to look.
     */
    static String failure(Throwable e, String jobId) {
        Optional<DomainException> refused = refusal(e);
        if (refused.isPresent()) {
            return "Issuing stopped; what was issued stays. " + refused.get().getMessage();
        }
        return "Issuing stopped; what was issued stays, and asking again issues the rest (log: certificate job " + jobId + ")";
    }

    /** The rule of the domain that refused, among the causes; empty for a failure of ours. */
    private static Optional<DomainException> refusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException refused) {
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }
}
