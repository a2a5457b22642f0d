package org.sakkaya.dev;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Issue 7, scenario 1: trainees reading their course with its progress ({@code GET /me/progress?cohortId=}) at 16 and
 * 64 concurrent users, against the floor of a plain GET that touches no database ({@code /api/v1/ping}, with the same
 * bearer token as the read and without one) at the same concurrency, the CPU each request costs the service, the
 * database and the client, and the SQL statements one read sends (MariaDB's {@code Questions}, one request at a time).
 * Before it measures, it warms the service up with rounds of all three calls at 64 users (5 unless the fifth argument
 * says otherwise). A benchmark, not a test: {@code mvn -Pbench-reads} (arguments: base URL, JDBC URL, lessons, requests
 * per user, warm-up rounds).
 */
public final class ReadLoadBenchmark {
    private static final int USERS = 64;

    private final BenchClient client;

    private ReadLoadBenchmark(String base) {
        this.client = new BenchClient(base);
    }

    public static void main(String[] args) throws Exception {
        new ReadLoadBenchmark(args.length > 0 ? args[0] : "http://localhost:8080")
                .run(args.length > 1 ? args[1] : "jdbc:mariadb://127.0.0.1:3307/sakkaya?user=root",
                        args.length > 2 ? Integer.parseInt(args[2]) : 40, args.length > 3 ? Integer.parseInt(args[3]) : 50,
                        args.length > 4 ? Integer.parseInt(args[4]) : 5);
    }

    private void run(String jdbc, int lessonCount, int perUser, int warmRounds) throws Exception {
        ReadLoad load = ReadLoad.setUp(client, lessonCount, USERS);
        String read = load.read();
        String ping = ReadLoad.PING;
        // Warm-up: the three calls at 64 users, unmeasured, round after round. Methods called once a request reach the
        // optimising compiler only after thousands of calls; each round prints how much of the service's CPU its JIT
        // compiler took, so that a run shows whether the service was still compiling when it was measured.
        CpuTime warmCpu = new CpuTime(client.base(), jdbc);
        for (int round = 1; round <= warmRounds; round++) {
            double[] before = warmCpu.now();
            load.load(ping, USERS, perUser);
            load.loadSignedOut(ping, USERS, perUser);
            load.load(read, USERS, perUser);
            System.out.printf("warm-up round %d (%d calls of each): CPU %s%n", round, USERS * perUser, CpuTime.between(before, warmCpu.now()));
        }

        System.out.printf("%ntrainees reading their course (%d lessons, half done) against a GET with no database%n", lessonCount);
        // C_ping is sent twice: with the reader's token, and with none. Payara's JAX-RS filter authenticates a
        // @PermitAll method once more after the servlet layer did, so the ping with a token verifies it twice, while
        // the read (@RolesAllowed) verifies it once; the ping without one verifies nothing. The read lies between.
        System.out.println("| users | C_ping p50 / p99 (ms): with the token | without | /me/progress p50 / p99 (ms) "
                + "| p50 ÷ C_ping p50: with / without | requests/s | CPU ms a request, service / database / client: C_ping with | "
                + "without | the read |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        CpuTime cpu = new CpuTime(client.base(), jdbc);
        double[] measuring = cpu.now();
        for (int users : new int[] {16, 64}) {
            long calls = (long) users * perUser;
            double[] before = cpu.now();
            ReadLoad.Result floor = load.load(ping, users, perUser);
            String floorCpu = cpu.perCall(before, calls);
            before = cpu.now();
            ReadLoad.Result bare = load.loadSignedOut(ping, users, perUser);
            String bareCpu = cpu.perCall(before, calls);
            before = cpu.now();
            ReadLoad.Result reads = load.load(read, users, perUser);
            String readCpu = cpu.perCall(before, calls);
            System.out.printf("| %d | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.1fx / %.1fx | %.0f | %s | %s | %s |%n", users, floor.p(50),
                    floor.p(99), bare.p(50), bare.p(99), reads.p(50), reads.p(99), reads.p(50) / floor.p(50), reads.p(50) / bare.p(50),
                    reads.rate(), floorCpu, bareCpu, readCpu);
        }
        System.out.println("CPU while measuring: " + cpu.since(measuring));
        try (Connection db = DriverManager.getConnection(jdbc)) {
            SqlStatements counter = new SqlStatements(db);
            List<Long> counts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long before = counter.now();
                load.get(read, load.tokens().get(i % load.tokens().size()));
                counts.add(counter.since(before));
            }
            Collections.sort(counts);
            System.out.printf("SQL statements per /me/progress read: median %d (min %d, max %d)%n", counts.get(counts.size() / 2),
                    counts.get(0), counts.get(counts.size() - 1));
        }
    }
}
