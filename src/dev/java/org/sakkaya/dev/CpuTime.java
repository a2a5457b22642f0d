package org.sakkaya.dev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where a phase spent its CPU: the service (the Payara Micro process on the base URL's port), the database (the
 * mariadbd on the JDBC URL's port) and this client, from the operating system's per-process CPU time. Processes not
 * found on this machine count as zero. Of the service's CPU, it also tells what its JIT compiler threads took (from
 * {@code /proc}, on Linux): while that share is large, the service is still compiling its hot code, and a latency
 * measured then is not the latency of a service that has been up for a day.
 */
final class CpuTime {
    private final Optional<ProcessHandle> service;
    private final Optional<ProcessHandle> database;

    CpuTime(String base, String jdbc) {
        String httpPort = base.replaceAll(".*:(\\d+).*", "$1");
        String dbPort = jdbc.replaceAll("^jdbc:[a-z]+://[^:/]+:(\\d+).*", "$1");
        service = find(c -> c.contains("payara-micro") && c.contains("--port " + httpPort));
        database = find(c -> c.contains("mariadbd") && c.contains("--port=" + dbPort));
    }

    private static Optional<ProcessHandle> find(java.util.function.Predicate<String> commandLine) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(commandLine::test).orElse(false)).findFirst();
    }

    /** CPU seconds so far: service, database, client, and the service's JIT compiler threads. */
    double[] now() {
        return new double[] {seconds(service), seconds(database), seconds(Optional.of(ProcessHandle.current())), compilerSeconds()};
    }

    /** CPU seconds since {@code before}, as "service x s (JIT compiler w s), database y s, client z s". */
    String since(double[] before) {
        return between(before, now());
    }

    /** The same between two readings. */
    static String between(double[] a, double[] b) {
        return String.format("service %.1f s (JIT compiler %.1f s), database %.1f s, client %.1f s", b[0] - a[0], b[3] - a[3], b[1] - a[1],
                b[2] - a[2]);
    }

    /**
     * CPU seconds of the service's JIT compiler threads ("C1 CompilerThre", "C2 CompilerThre" in {@code /proc}); zero
     * where there is no {@code /proc}. A compiler thread that has ended takes its time with it, so this can undercount.
     */
    private double compilerSeconds() {
        if (service.isEmpty()) {
            return 0;
        }
        Path tasks = Path.of("/proc", Long.toString(service.get().pid()), "task");
        long ticks = 0;
        try (var threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    if (Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                        // after the command in brackets: state is field 3, utime and stime are fields 14 and 15
                        String stat = Files.readString(thread.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while being read
                }
            }
        } catch (IOException noProc) {
            return 0;
        }
        return ticks / 100.0; // USER_HZ, 100 on Linux
    }

    /** CPU milliseconds per call since {@code before}, as "service x / database y / client z". */
    String perCall(double[] before, long calls) {
        double[] now = now();
        return String.format("%.2f / %.2f / %.2f", 1000 * (now[0] - before[0]) / calls, 1000 * (now[1] - before[1]) / calls,
                1000 * (now[2] - before[2]) / calls);
    }

    private static double seconds(Optional<ProcessHandle> process) {
        return process.flatMap(p -> p.info().totalCpuDuration()).map(Duration::toMillis).orElse(0L) / 1000.0;
    }
}
