package org.sakkaya.dev;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.infra.ThreadParams;
import org.sakkaya.certificate.control.CertificatePdf;
import org.sakkaya.certificate.control.PadesSigner;

/**
 * Certificates per second in process (issue 5, C_pdf): (a) {@code rawOpenPdf}, raw OpenPDF rendering of the same text
 * in the same fonts; (a') {@code rawSamePage}, raw OpenPDF rendering of the same page, everything on it (issue 7's
 * C_pdf, the floor); (a'') {@code rawSamePageSigned}, that page signed by OpenPDF's own calls with the same key, the
 * floor of (c); (b) {@code ourPage}, our certificate page ({@link CertificatePdf#render}: border, QR
 * code, serial, address, signatories); (c) {@code ourPageSigned}, that page signed (PAdES, RSA-2048). Every operation
 * builds the content of a new certificate (a fresh serial, names in turn), as issuing does. {@link OneThread} and
 * {@link TwoThreads} run the same five at 1 and at 2 threads; the target is our rate at 70% or more of the
 * floor's at the same thread count, and at most 50 KB per certificate, so each benchmark prints the size of the PDFs
 * it made when it ends.
 * <p>
 * The machine is shared, so the rates move with what else runs. Each benchmark therefore also prints the CPU time its
 * own threads spent per PDF over the measurement iterations (JIT and GC threads not counted) and the load average
 * when it began and ended. CPU time per PDF moves with the load far less than the rate does (by up to 40% where the
 * rates moved by a factor of 3 on 2026-11-25), so it is the better measure of what the page costs against the floor.
 * <p>
 * A benchmark, not a test: {@code mvn -Pbench-pdf} (JMH's own options in {@code -Dbench.args}; see docs/BENCHMARKS.md).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
public abstract class CertificateRenderingJmh {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** CPU time of the benchmark threads and the PDFs they made in measurement iterations (one benchmark per fork). */
    private static final LongAdder MEASURED_CPU_NANOS = new LongAdder();
    private static final LongAdder MEASURED_PDFS = new LongAdder();

    /** The floor, the signer and its key, made once per run and shared by the threads as the service shares them. */
    @State(Scope.Benchmark)
    public static class Shared {
        CertificateFixtures.Raw raw;
        CertificateFixtures.RawSigner rawSigner;
        PadesSigner signer;
        private Path keys;
        private final LongAdder pdfs = new LongAdder();
        private final LongAdder bytes = new LongAdder();
        private final LongAccumulator smallest = new LongAccumulator(Math::min, Long.MAX_VALUE);
        private final LongAccumulator largest = new LongAccumulator(Math::max, 0);

        private String loadAtStart;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            loadAtStart = loadAverage();
            keys = Files.createTempDirectory("sakkaya-jmh-keys");
            signer = CertificateFixtures.signer(keys);
            rawSigner = new CertificateFixtures.RawSigner(keys);
            raw = new CertificateFixtures.Raw();
        }

        byte[] made(byte[] pdf) {
            pdfs.increment();
            bytes.add(pdf.length);
            smallest.accumulate(pdf.length);
            largest.accumulate(pdf.length);
            return pdf;
        }

        @TearDown(Level.Trial)
        public void tearDown(BenchmarkParams params) throws IOException {
            long n = Math.max(1, pdfs.sum());
            System.out.printf("%n[size] %s: %d PDFs, %d bytes each on average (%.1f KB; smallest %d, largest %d)%n",
                    params.getBenchmark().replaceFirst(".*\\.CertificateRenderingJmh\\.", ""), pdfs.sum(), bytes.sum() / n,
                    bytes.sum() / n / 1024.0, smallest.get(), largest.get());
            long measured = Math.max(1, MEASURED_PDFS.sum());
            System.out.printf("[cpu] %s: %.2f ms of CPU per PDF on the benchmark threads over the measurement iterations "
                            + "(%d PDFs); load average (1, 5, 15 min) at start %s, at end %s%n",
                    params.getBenchmark().replaceFirst(".*\\.CertificateRenderingJmh\\.", ""), MEASURED_CPU_NANOS.sum() / 1e6 / measured,
                    MEASURED_PDFS.sum(), loadAtStart, loadAverage());
            try (Stream<Path> files = Files.walk(keys)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * Which certificate a thread renders next: thread t of n takes t, t + n, t + 2n... (names in turn). It also counts
     * the thread's CPU time and PDFs in each measurement iteration.
     */
    @State(Scope.Thread)
    public static class Turn {
        private int next;
        private int stride;
        private long made;
        private long madeAtStart;
        private long cpuAtStart;

        @Setup(Level.Trial)
        public void setUp(ThreadParams thread) {
            next = thread.getThreadIndex();
            stride = thread.getThreadCount();
        }

        @Setup(Level.Iteration)
        public void startIteration() {
            madeAtStart = made;
            cpuAtStart = THREADS.getCurrentThreadCpuTime();
        }

        @TearDown(Level.Iteration)
        public void endIteration(IterationParams iteration) {
            if (iteration.getType() == IterationType.MEASUREMENT) {
                MEASURED_CPU_NANOS.add(THREADS.getCurrentThreadCpuTime() - cpuAtStart);
                MEASURED_PDFS.add(made - madeAtStart);
            }
        }

        CertificatePdf.Content content() {
            CertificatePdf.Content content = CertificateFixtures.content(next);
            next += stride;
            made++;
            return content;
        }
    }

    @Benchmark
    public byte[] rawOpenPdf(Shared shared, Turn turn) {
        return shared.made(shared.raw.render(turn.content()));
    }

    @Benchmark
    public byte[] rawSamePage(Shared shared, Turn turn) {
        return shared.made(shared.raw.renderSamePage(turn.content()));
    }

    @Benchmark
    public byte[] rawSamePageSigned(Shared shared, Turn turn) {
        return shared.made(shared.rawSigner.sign(shared.raw.renderSamePage(turn.content())));
    }

    @Benchmark
    public byte[] ourPage(Shared shared, Turn turn) {
        return shared.made(CertificatePdf.render(turn.content()));
    }

    @Benchmark
    public byte[] ourPageSigned(Shared shared, Turn turn) {
        return shared.made(CertificateFixtures.sign(shared.signer, CertificatePdf.render(turn.content())));
    }

    /** The five on one thread. */
    @Threads(1)
    public static class OneThread extends CertificateRenderingJmh {
    }

    /** The five on two threads (the machine's two cores). */
    @Threads(2)
    public static class TwoThreads extends CertificateRenderingJmh {
    }
}
