package org.sakkaya.dev;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Certificates against a service started with the run command: issuing to a cohort of N trainees loaded in bulk over
 * JDBC (a background job), then streaming the cohort's ZIP, with time to the first byte, the rate, and the service's
 * heap, old generation and resident memory sampled while it issues and streams.
 * A benchmark, not a test: {@code mvn -Pbench-certificates} (arguments: base URL, JDBC URL, N). Rendering and signing
 * in process, against raw OpenPDF, is the JMH benchmark {@link CertificateRenderingJmh} ({@code mvn -Pbench-pdf}).
 */
public final class CertificateBenchmark {
    private static final List<String> NAMES = CertificateFixtures.NAMES;
    private static final Pattern HEAP = Pattern.compile("memory_usedHeap_bytes\\{mp_scope=\"base\"} (\\S+)");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z]+)\"");
    private static final Pattern DONE = Pattern.compile("\"done\":(\\d+)");

    private CertificateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String jdbc = args.length > 1 ? args[1] : "jdbc:mariadb://127.0.0.1:3307/sakkaya";
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        // a fourth argument, "no-render", came from when rendering was measured here too; it is accepted and changes nothing
        System.out.printf("machine: %d cores, Java %s, max heap of this JVM %d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        if ("none".equals(base)) {
            System.out.println("Rendering and signing in process moved to JMH: mvn -Pbench-pdf (CertificateRenderingJmh).");
            return;
        }
        server(base, jdbc, count);
    }

    private static void server(String base, String jdbc, int count) throws Exception {
        BenchClient client = new BenchClient(base);
        String organiser = client.token("programs@example.org", BenchClient.DEMO_PASSWORD);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String program = BenchClient.id(client.post(organiser, "/programs",
                "{\"code\":\"CERT-" + tag + "\",\"nameTh\":\"หลักสูตรทดสอบเกียรติบัตร\",\"track\":\"OTHER\"}"));
        String cohort = BenchClient.id(client.post(organiser, "/cohorts", "{\"programId\":\"" + program
                + "\",\"number\":1,\"nameTh\":\"รุ่นที่ 1 ระหว่างวันที่ 5-9 มกราคม พ.ศ. 2569\",\"organizerId\":\""
                + BenchClient.DEPARTMENT_OF_HEALTH + "\",\"startsOn\":\"2026-01-05\",\"endsOn\":\"2026-01-09\"}"));
        long loadStart = System.nanoTime();
        load(jdbc, cohort, tag, count);
        System.out.printf("%nbulk load of %d trainees and enrolments over JDBC: %.1f s%n", count, (System.nanoTime() - loadStart) / 1e9);

        long pid = payaraPid(base);
        Sampler issuing = new Sampler(client, pid);
        long issueStart = System.nanoTime();
        String job = BenchClient.id(client.post(organiser, "/cohorts/" + cohort + "/certificates", null));
        String status;
        do {
            Thread.sleep(500);
            status = client.send(organiser, "GET", "/certificate-jobs/" + job, null);
        } while (status.contains("\"RUNNING\""));
        double issueSeconds = (System.nanoTime() - issueStart) / 1e9;
        issuing.stop();
        Matcher done = DONE.matcher(status);
        Matcher outcome = STATUS.matcher(status);
        System.out.printf("issuing %d certificates (render + sign + store, background job of batches of 20): %s in %.1f s = %.1f/s; "
                        + "service heap peak %d MB, old generation peak %d MB, RSS peak %d MB%n", count, outcome.find() ? outcome.group(1) : "?",
                issueSeconds, (done.find() ? Integer.parseInt(done.group(1)) : 0) / issueSeconds, issuing.heapPeak >> 20,
                issuing.oldGenPeak >> 20, issuing.rssPeak >> 20);

        Sampler idle = new Sampler(client, pid);
        Thread.sleep(2000);
        idle.stop();
        Sampler streaming = new Sampler(client, pid);
        HttpRequest zip = HttpRequest.newBuilder(URI.create(base + "/api/v1/cohorts/" + cohort + "/certificates.zip"))
                .header("Authorization", "Bearer " + organiser).timeout(Duration.ofMinutes(10)).build();
        long zipStart = System.nanoTime();
        HttpResponse<InputStream> response = client.http().send(zip, HttpResponse.BodyHandlers.ofInputStream());
        long entries = 0;
        long bytes = 0;
        double firstByte = -1;
        try (InputStream body = response.body()) {
            CountingStream counting = new CountingStream(body);
            try (ZipInputStream in = new ZipInputStream(counting)) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    if (firstByte < 0) {
                        firstByte = (System.nanoTime() - zipStart) / 1e6;
                    }
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                    entries++;
                }
            }
            bytes = counting.count.get();
        }
        double zipSeconds = (System.nanoTime() - zipStart) / 1e9;
        streaming.stop();
        System.out.printf("ZIP of %d entries (%d certificates + manifest): %d MB in %.1f s = %.0f certificates/s, first entry after %.0f ms, "
                        + "%.1f KB per certificate%n", entries, entries - 1, bytes >> 20, zipSeconds, (entries - 1) / zipSeconds,
                firstByte, bytes / 1024.0 / Math.max(1, entries - 1));
        System.out.printf("service while idle: heap up to %d MB, old generation %d MB, RSS %d MB; while streaming: heap up to %d MB, "
                        + "old generation up to %d MB, RSS up to %d MB%n", idle.heapPeak >> 20, idle.oldGenPeak >> 20, idle.rssPeak >> 20,
                streaming.heapPeak >> 20, streaming.oldGenPeak >> 20, streaming.rssPeak >> 20);
    }

    /** Persons with the TRAINEE role and their ENROLLED seats, in batches: no HTTP call per row. */
    private static void load(String jdbc, String cohort, String tag, int count) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, "root", "")) {
            BulkLoad.trainees(db, cohort, "cert-" + tag + "-", count, i -> {
                String[] name = NAMES.get(i % NAMES.size()).split(" ", 2);
                return new String[] {name[0] + i, name[1]};
            }, null);
        }
    }

    /** The Payara Micro process serving {@code base} (started by the run command on this machine), or -1. */
    private static long payaraPid(String base) {
        String port = base.replaceAll(".*:(\\d+).*", "$1");
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro")
                && c.contains("--port " + port)).orElse(false)).mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
    }

    /**
     * Samples the service's used heap (MicroProfile Metrics), resident memory (/proc) and, through {@code jstat}, its
     * old generation every 100 ms. Used heap counts garbage not yet collected; the old generation is what grows when
     * something holds on to what it streams.
     */
    private static final class Sampler {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private final Process jstat;
        private final Thread jstatReader;
        volatile long heapPeak;
        volatile long rssPeak;
        volatile long oldGenPeak;

        Sampler(BenchClient client, long pid) throws java.io.IOException {
            jstat = pid > 0 ? new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(), "-gc",
                    String.valueOf(pid), "100").redirectErrorStream(true).start() : null;
            jstatReader = new Thread(() -> {
                if (jstat == null) {
                    return;
                }
                try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(jstat.getInputStream()))) {
                    int column = -1;
                    for (String line; (line = lines.readLine()) != null; ) {
                        String[] cells = line.trim().split("\\s+");
                        if (column < 0) {
                            column = java.util.Arrays.asList(cells).indexOf("OU");
                        } else if (cells.length > column && !cells[column].equals("OU")) {
                            oldGenPeak = Math.max(oldGenPeak, (long) (Double.parseDouble(cells[column]) * 1024));
                        }
                    }
                } catch (Exception ignored) {
                    // jstat ended
                }
            });
            jstatReader.start();
            thread = new Thread(() -> {
                HttpRequest metrics = HttpRequest.newBuilder(URI.create(client.base() + "/metrics?scope=base")).build();
                while (running.get()) {
                    try {
                        Matcher m = HEAP.matcher(client.http().send(metrics, HttpResponse.BodyHandlers.ofString()).body());
                        if (m.find()) {
                            heapPeak = Math.max(heapPeak, (long) Double.parseDouble(m.group(1)));
                        }
                        if (pid > 0) {
                            rssPeak = Math.max(rssPeak, (long) (StartupBenchmark.rssMb(pid) * 1024 * 1024));
                        }
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception ignored) {
                        // a missed sample
                    }
                }
            });
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
            if (jstat != null) {
                jstat.destroy();
                jstatReader.join();
            }
        }
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        final AtomicLong count = new AtomicLong();

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
