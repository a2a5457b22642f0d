package org.sakkaya.dev;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a phase spent its CPU: the service (the Payara Micro process on the base URL's port), the database (the
 * mariadbd on the JDBC URL's port) and this client, from the operating system's per-process CPU time. Processes not
 * found on this machine count as zero.
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

    /** CPU seconds so far: service, database, client. */
    double[] now() {
        return new double[] {seconds(service), seconds(database), seconds(Optional.of(ProcessHandle.current()))};
    }

    /** CPU seconds since {@code before}, as "service x s, database y s, client z s". */
    String since(double[] before) {
        double[] now = now();
        return String.format("service %.1f s, database %.1f s, client %.1f s", now[0] - before[0], now[1] - before[1], now[2] - before[2]);
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
