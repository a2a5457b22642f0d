package org.sakkaya.dev;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Issue 7, scenario 3: grading while trainees read.
 * <ol>
 * <li>SQL statements per grade ({@code PUT /submissions/{id}/grade}, MariaDB's {@code Questions} counter, one grade
 * at a time with the service otherwise quiet) when the cohort has 100 enrolments, and again when it has 10,000, every
 * one with a hand-in waiting: the count must not grow with the cohort (the N+1 trap).</li>
 * <li>Then 100 more grades, one after another as a trainer grades, while scenario 1's read load runs (16 users reading
 * {@code GET /me/progress}), against the floors at the same concurrency (17 clients: 16 readers and the grader):
 * C_pk, a raw JDBC primary-key read of a person, and C_ping, {@code GET /api/v1/ping}.</li>
 * </ol>
 * People, seats and hand-ins are bulk-loaded over JDBC (the rows {@code POST /assessments/{id}/submissions} writes,
 * without its audit row); the programme, cohort and assignment are made through the API, and the grades are HTTP
 * calls. A benchmark, not a test: {@code mvn -Pbench-grading-load} (arguments: base URL, JDBC URL, small size, large
 * size, grades per measurement).
 */
public final class GradingLoadBenchmark {
    private static final String DEMO_TRAINER_ID = "0174e1e3-3d00-7002-8000-000000000003";
    private static final int READERS = 16;
    private static final int PER_CLIENT = 50;

    private final BenchClient client;
    private final String jdbc;

    private GradingLoadBenchmark(String base, String jdbc) {
        this.client = new BenchClient(base);
        this.jdbc = jdbc;
    }

    public static void main(String[] args) throws Exception {
        new GradingLoadBenchmark(args.length > 0 ? args[0] : "http://localhost:8080",
                args.length > 1 ? args[1] : "jdbc:mariadb://127.0.0.1:3307/sakkaya?user=root")
                .run(args.length > 2 ? Integer.parseInt(args[2]) : 100, args.length > 3 ? Integer.parseInt(args[3]) : 10_000,
                        args.length > 4 ? Integer.parseInt(args[4]) : 100);
    }

    private record Grading(List<Long> statements, List<Long> nanos) {
        String counts() {
            List<Long> sorted = new ArrayList<>(statements);
            Collections.sort(sorted);
            return sorted.get(0) + " / " + sorted.get(sorted.size() / 2) + " / " + sorted.get(sorted.size() - 1);
        }
    }

    private void run(int small, int large, int graded) throws Exception {
        if (small < graded || large - small < 2 * graded) {
            throw new IllegalArgumentException("need at least " + graded + " enrolments at the small size and " + 2 * graded
                    + " more at the large size, each with a hand-in to grade");
        }
        String organiser = client.token("programs@example.org", BenchClient.DEMO_PASSWORD);
        String trainer = client.token("trainer@example.org", BenchClient.DEMO_PASSWORD);
        ReadLoad readers = ReadLoad.setUp(client, 40, READERS);

        String tag = UUID.randomUUID().toString().substring(0, 8);
        String program = BenchClient.id(client.post(organiser, "/programs", "{\"code\":\"GLOAD-" + tag + "\",\"nameTh\":\"ทดสอบการให้คะแนน\",\"track\":\"OTHER\"}"));
        String cohort = BenchClient.id(client.post(organiser, "/cohorts", "{\"programId\":\"" + program + "\",\"number\":1,\"nameTh\":\"รุ่นทดสอบ\",\"organizerId\":\""
                + BenchClient.DEPARTMENT_OF_HEALTH + "\",\"startsOn\":\"2026-01-05\",\"endsOn\":\"2026-12-30\"}"));
        client.send(organiser, "PUT", "/cohorts/" + cohort + "/trainers/" + DEMO_TRAINER_ID, null);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String assignment = BenchClient.id(client.post(trainer, "/cohorts/" + cohort + "/assessments", "{\"kind\":\"ASSIGNMENT\",\"title\":\"รายงานกลุ่ม\","
                + "\"weight\":10,\"maxScore\":100,\"opensAt\":\"" + now.minusDays(1) + "\",\"closesAt\":\"" + now.plusDays(7) + "\"}"));

        try (Connection db = DriverManager.getConnection(jdbc)) {
            SqlStatements counter = new SqlStatements(db);
            long loading = System.nanoTime();
            List<String> people = new ArrayList<>();
            BulkLoad.trainees(db, cohort, "gload-" + tag + "-", small, i -> new String[] {"ผู้ทดสอบ", "ที่ " + i}, null)
                    .forEach(t -> people.add(t.personId()));
            List<String> waiting = new ArrayList<>(BulkLoad.handIns(db, assignment, people));
            System.out.printf("bulk load of %,d trainees, seats and hand-ins: %.1f s%n", small, (System.nanoTime() - loading) / 1e9);
            Grading atSmall = grade(trainer, waiting.subList(0, Math.min(graded, waiting.size())), counter);
            System.out.printf("%,d enrolments (%,d grades): SQL statements per grade min / median / max %s%n", enrolments(db, cohort), graded,
                    atSmall.counts());

            loading = System.nanoTime();
            List<String> more = new ArrayList<>();
            BulkLoad.trainees(db, cohort, "gload-" + tag + "-more-", large - small, i -> new String[] {"ผู้ทดสอบ", "ที่ " + (small + i)}, null)
                    .forEach(t -> more.add(t.personId()));
            waiting = new ArrayList<>(BulkLoad.handIns(db, assignment, more));
            people.addAll(more);
            System.out.printf("bulk load of %,d more trainees, seats and hand-ins: %.1f s%n", large - small, (System.nanoTime() - loading) / 1e9);
            Grading atLarge = grade(trainer, waiting.subList(0, graded), counter);
            System.out.printf("%,d enrolments (%,d grades): SQL statements per grade min / median / max %s%n", enrolments(db, cohort), graded,
                    atLarge.counts());

            // ---- grading during the read load, against floors at the same concurrency ----
            int clients = READERS + 1;
            readers.load(ReadLoad.PING, clients, PER_CLIENT); // warm-up
            ReadLoad.Result ping = readers.load(ReadLoad.PING, clients, PER_CLIENT);
            ReadLoad.Result pk;
            try (JdbcPool pool = new JdbcPool(jdbc, JdbcPool.SERVICE_POOL_SIZE)) {
                primaryKeyReads(pool, people, clients, PER_CLIENT); // warm-up
                pk = primaryKeyReads(pool, people, clients, PER_CLIENT);
            }
            readers.load(readers.read(), READERS, PER_CLIENT); // warm-up
            ReadLoad.Result readsAlone = readers.load(readers.read(), READERS, PER_CLIENT);

            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService background = Executors.newSingleThreadExecutor();
            Future<ReadLoad.Result> reading = background.submit(() -> readers.load(readers.read(), READERS, Integer.MAX_VALUE, stop));
            Grading underLoad;
            long gradingStart;
            double gradingSeconds;
            ReadLoad.Result readsDuring;
            try {
                Thread.sleep(2000); // the readers are all reading before the first grade
                gradingStart = System.nanoTime();
                underLoad = grade(trainer, waiting.subList(graded, 2 * graded), null);
                gradingSeconds = (System.nanoTime() - gradingStart) / 1e9;
            } finally {
                stop.set(true);
                background.shutdown();
            }
            readsDuring = reading.get();
            ReadLoad.Result grades = new ReadLoad.Result(underLoad.nanos(), gradingSeconds);

            System.out.printf("%nGrading %d submissions (one trainer, one after another) of a cohort of %,d while %d trainees read /me/progress; "
                    + "floors at %d clients%n%n", graded, large, READERS, clients);
            System.out.println("| figure | p50 | p99 | rate | ÷ floor (p50 / p99) |");
            System.out.println("|---|---|---|---|---|");
            System.out.printf("| C_ping: GET /api/v1/ping, %d clients | %.1f ms | %.1f ms | %.0f/s | |%n", clients, ping.p(50), ping.p(99), ping.rate());
            System.out.printf("| C_pk: raw JDBC primary-key read of a person, %d clients, %d connections | %.2f ms | %.2f ms | %.0f/s | |%n", clients,
                    JdbcPool.SERVICE_POOL_SIZE, pk.p(50), pk.p(99), pk.rate());
            System.out.printf("| /me/progress, %d readers, no grading | %.1f ms | %.1f ms | %.0f/s | C_ping: %.1fx / %.1fx |%n", READERS,
                    readsAlone.p(50), readsAlone.p(99), readsAlone.rate(), readsAlone.p(50) / ping.p(50), readsAlone.p(99) / ping.p(99));
            System.out.printf("| /me/progress, %d readers, during grading | %.1f ms | %.1f ms | %.0f/s | C_ping: %.1fx / %.1fx |%n", READERS,
                    readsDuring.p(50), readsDuring.p(99), readsDuring.rate(), readsDuring.p(50) / ping.p(50), readsDuring.p(99) / ping.p(99));
            for (Grading quiet : List.of(atSmall, atLarge)) {
                double p50 = BenchClient.pct(quiet.nanos(), 50);
                double p99 = BenchClient.pct(quiet.nanos(), 99);
                System.out.printf("| grade, quiet (%,d enrolments, one at a time) | %.1f ms | %.1f ms | | C_pk: %.1fx / %.1fx |%n",
                        quiet == atSmall ? small : large, p50, p99, p50 / pk.p(50), p99 / pk.p(99));
            }
            System.out.printf("| grade, during the reads | %.1f ms | %.1f ms | %.1f/s | C_pk: %.1fx / %.1fx; C_ping: %.1fx / %.1fx |%n",
                    grades.p(50), grades.p(99), grades.rate(), grades.p(50) / pk.p(50), grades.p(99) / pk.p(99), grades.p(50) / ping.p(50),
                    grades.p(99) / ping.p(99));
            System.out.printf("%nSQL statements per grade, min / median / max: %s at %,d enrolments, %s at %,d%n", atSmall.counts(), small,
                    atLarge.counts(), large);
            System.out.printf("grading queue afterwards: %s waiting%n",
                    client.send(trainer, "GET", "/grading-queue?size=1", null).replaceAll(".*\"total\":([0-9]+).*", "$1"));
        }
    }

    /** Grades the submissions one after another; with a counter, the statements each sends. */
    private Grading grade(String trainer, List<String> submissions, SqlStatements counter) throws Exception {
        List<Long> statements = new ArrayList<>();
        List<Long> nanos = new ArrayList<>();
        for (String submission : submissions) {
            long before = counter == null ? 0 : counter.now();
            long t = System.nanoTime();
            client.send(trainer, "PUT", "/submissions/" + submission + "/grade", "{\"score\":75,\"feedback\":\"ดีมาก ครบถ้วน\"}");
            nanos.add(System.nanoTime() - t);
            if (counter != null) {
                statements.add(counter.since(before));
            }
        }
        return new Grading(statements, nanos);
    }

    private static long enrolments(Connection db, String cohort) throws Exception {
        try (PreparedStatement s = db.prepareStatement("SELECT COUNT(*) FROM enrollment WHERE cohort_id = ?")) {
            s.setString(1, cohort);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** C_pk: {@code clients} threads each reading {@code perClient} random people by primary key, through the pool. */
    private static ReadLoad.Result primaryKeyReads(JdbcPool pool, List<String> people, int clients, int perClient) throws Exception {
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(threads.submit(() -> {
                    for (int i = 0; i < perClient; i++) {
                        String id = people.get(ThreadLocalRandom.current().nextInt(people.size()));
                        long t = System.nanoTime();
                        pool.with(db -> {
                            try (PreparedStatement s = db.prepareStatement("SELECT id, email, first_name_th, last_name_th, organization_id, version "
                                    + "FROM person WHERE id = ?")) {
                                s.setString(1, id);
                                try (ResultSet r = s.executeQuery()) {
                                    if (!r.next()) {
                                        throw new IllegalStateException("no person " + id);
                                    }
                                    return r.getString(2);
                                }
                            }
                        });
                        nanos.add(System.nanoTime() - t);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }
        return new ReadLoad.Result(nanos, (System.nanoTime() - start) / 1e9);
    }
}
