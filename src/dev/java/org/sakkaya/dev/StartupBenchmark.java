package org.sakkaya.dev;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Start-up time and memory of the run command against its floor: a bare Payara Micro, with the same JVM flags,
 * deploying an empty WAR. Each is started {@code rounds} times from cold processes (the run command each time on a
 * fresh data folder, so it creates the database, migrates it and loads the demo); time is from launch to the first
 * successful request (the empty WAR's page; Sakkaya's /health/ready), memory is the resident set of the processes
 * right after, Payara and, for Sakkaya, the embedded MariaDB beside it.
 * A benchmark, not a test: {@code mvn -Pbench-startup} (arguments: Payara Micro jar, Sakkaya WAR, rounds).
 */
public final class StartupBenchmark {
    private static final Pattern READY = Pattern.compile("Sakkaya is ready on \\S+ +\\(in [0-9.]+ s, Payara pid (\\d+)\\)");

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path payara = Path.of(args[0]);
        Path war = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path emptyWar = emptyWar();
        System.out.printf("machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        List<double[]> bare = new ArrayList<>();
        List<double[]> ours = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            bare.add(bare(payara, emptyWar, 8097));
            ours.add(sakkaya(payara, war, 8098, 3328));
            System.out.printf("round %d: bare %.1f s %d MB; Sakkaya %.1f s %d MB (Payara %d MB + MariaDB %d MB)%n", i + 1,
                    bare.get(i)[0], (long) bare.get(i)[1], ours.get(i)[0], (long) (ours.get(i)[1] + ours.get(i)[2]),
                    (long) ours.get(i)[1], (long) ours.get(i)[2]);
        }
        System.out.println("\n| start-up (median of " + rounds + ") | to first answer | resident memory |");
        System.out.println("|---|---|---|");
        System.out.printf("| bare Payara Micro, empty WAR (floor) | %.1f s | %d MB |%n", median(bare, 0), (long) median(bare, 1));
        System.out.printf("| Sakkaya run command (new database, migrations, demo) | %.1f s (%.1fx) | %d MB Payara (%.1fx) + %d MB MariaDB |%n",
                median(ours, 0), median(ours, 0) / median(bare, 0), (long) median(ours, 1), median(ours, 1) / median(bare, 1),
                (long) median(ours, 2));
    }

    private static double median(List<double[]> runs, int index) {
        return runs.stream().mapToDouble(r -> r[index]).sorted().toArray()[runs.size() / 2];
    }

    /**
     * Seconds to the first 200 from the empty WAR, and the process's RSS in MB then. The JVM options are the run
     * command's ({@code SAKKAYA_JVM_OPTIONS}, else its quick start), so that both sides start alike.
     */
    private static double[] bare(Path payara, Path emptyWar, int port) throws Exception {
        long start = System.nanoTime();
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(RunSakkaya.jvmOptions(System.getenv(RunSakkaya.JVM_OPTIONS)));
        command.addAll(List.of("-jar", payara.toString(), "--deploy", emptyWar.toString(), "--contextroot", "/",
                "--port", String.valueOf(port), "--nohazelcast"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            waitFor("http://localhost:" + port + "/", process);
            double seconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(1000);
            return new double[] {seconds, rssMb(process.pid())};
        } finally {
            stop(process.toHandle());
        }
    }

    /** Seconds to /health/ready through the run command's launcher, and the RSS in MB of Payara and of MariaDB. */
    private static double[] sakkaya(Path payara, Path war, int port, int dbPort) throws Exception {
        Path data = Files.createTempDirectory("sakkaya-startup");
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), RunSakkaya.class.getName(),
                payara.toString(), war.toString()).redirectErrorStream(true);
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("SAKKAYA_EMBEDDED_DB_PORT", String.valueOf(dbPort));
        builder.environment().put("SAKKAYA_DATA_DIR", data.toString());
        builder.environment().remove("DB_URL");
        Process launcher = builder.start();
        AtomicLong payaraPid = new AtomicLong(-1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        payaraPid.set(Long.parseLong(m.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the launcher ended
            }
        });
        reader.start();
        try {
            waitFor("http://localhost:" + port + "/health/ready", launcher);
            double seconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(1000);
            long pid = payaraPid.get();
            double payaraRss = pid > 0 ? rssMb(pid) : -1;
            double mariaRss = launcher.toHandle().descendants().filter(p -> p.info().command().map(c -> c.contains("mariadbd")).orElse(false))
                    .mapToDouble(p -> rssMb(p.pid())).sum();
            return new double[] {seconds, payaraRss, mariaRss};
        } finally {
            stop(launcher.toHandle());
        }
    }

    private static void waitFor(String url, Process process) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(url + " never answered");
    }

    /** The resident set of a process on this machine, in MB, from /proc; -1 when it is gone. */
    static double rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException gone) {
            return -1;
        }
        return -1;
    }

    /** The launcher's shutdown hook stops Payara and MariaDB on SIGTERM; whatever is left is stopped after it. */
    private static void stop(ProcessHandle process) throws InterruptedException {
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
        for (ProcessHandle child : family) {
            if (child.isAlive()) {
                child.destroy();
            }
        }
        Thread.sleep(2000);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path emptyWar() throws IOException {
        Path war = Files.createTempFile("empty-", ".war");
        try (OutputStream file = Files.newOutputStream(war); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("index.html"));
            zip.write("<!DOCTYPE html><title>empty</title>".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        return war;
    }
}
