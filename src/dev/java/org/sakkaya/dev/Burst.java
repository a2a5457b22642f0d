package org.sakkaya.dev;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many clients doing one thing at the same moment, as a cohort does at a deadline: {@code threads} platform threads
 * (Java 17 has no virtual threads), each first doing its own preparation, then all waiting on a barrier and released
 * together for one call each. Measures each call from when its client sends it, and the drain: from the release to
 * the last answer. It also measures each call from the release, as a trainee who pressed at the deadline waits for it,
 * and when each client started its call: 500 threads woken on 2 cores do not all start at once, and how far their
 * starts spread decides how much of a burst's queue is inside the measured calls and how much before them.
 */
final class Burst {
    /** Work of the i-th client. */
    interface Step {
        void run(int client) throws Exception;
    }

    /**
     * The calls' latencies (those that answered), the failures of each phase, the drain and the first failure seen;
     * the same calls' answers counted from the release, and when each call started, counted from the release.
     */
    record Result(List<Long> nanos, int prepareErrors, int errors, double drainSeconds, String firstError, List<Long> sinceRelease,
                  List<Long> startedAfterRelease) {
        /** Latencies measured elsewhere, with nothing counted from a release. */
        Result(List<Long> nanos) {
            this(nanos, 0, 0, 0, null, List.of(), List.of());
        }

        double p(int percentile) {
            return BenchClient.pct(nanos, percentile);
        }

        /** The percentile of the answers counted from the release. */
        double pSinceRelease(int percentile) {
            return BenchClient.pct(sinceRelease, percentile);
        }

        /** The percentile of the calls' starts counted from the release. */
        double pStart(int percentile) {
            return BenchClient.pct(startedAfterRelease, percentile);
        }
    }

    private Burst() {
    }

    /** The burst with no preparation. */
    static Result run(int threads, Step call) throws Exception {
        return run(threads, i -> { }, call);
    }

    static Result run(int threads, Step prepare, Step call) throws Exception {
        return run(threads, prepare, call, () -> { });
    }

    /** The same, running {@code atRelease} once every client is ready, just before they are released. */
    static Result run(int threads, Step prepare, Step call, Runnable atRelease) throws Exception {
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        List<long[]> startEnd = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger prepareErrors = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong released = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        CyclicBarrier barrier = new CyclicBarrier(threads, () -> {
            atRelease.run();
            released.set(System.nanoTime());
        });
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int client = t;
                futures.add(pool.submit(() -> {
                    boolean ready = true;
                    try {
                        prepare.run(client);
                    } catch (Exception e) {
                        ready = false;
                        prepareErrors.incrementAndGet();
                        failures.add(e.toString());
                    }
                    barrier.await(30, TimeUnit.MINUTES); // every client arrives, ready or not
                    if (ready) {
                        long start = System.nanoTime();
                        try {
                            call.run(client);
                            long end = System.nanoTime();
                            nanos.add(end - start);
                            startEnd.add(new long[] {start, end});
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            failures.add(e.toString());
                        }
                        lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        long release = released.get();
        return new Result(nanos, prepareErrors.get(), errors.get(), (lastAnswer.get() - release) / 1e9,
                failures.isEmpty() ? null : failures.get(0), startEnd.stream().map(t -> t[1] - release).toList(),
                startEnd.stream().map(t -> t[0] - release).toList());
    }
}
