package org.sakkaya.dev;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;

/**
 * Issue 7, scenario 2: a deadline quiz. N trainees (500) start the same quiz, autosave their answers 8 times (each
 * time changing them), then all submit at the same moment. Measures the submits (p50/p95/p99), the drain (from the
 * moment they are released to the last answer) and the autosaves; counts every answer that is not 2xx; then checks
 * in the database that every attempt is graded and every answer is stored as last autosaved.
 * <p>
 * Floors, measured first in the same run at the same concurrency (N clients released together, one call each):
 * <ul>
 * <li>C_txn: a raw JDBC transaction shaped like a quiz submit (lock the attempt row by primary key, read its answers,
 * write their points, write the attempt's status and score, commit), from N threads sharing 32 connections, the size
 * of the service's own pool;</li>
 * <li>C_ping: {@code GET /api/v1/ping}, a plain JAX-RS GET through the same HTTP stack, no database.</li>
 * </ul>
 * Trainees, their accounts (a bcrypt hash of cost 4, so that signing 500 in is quick) and their seats are bulk-loaded
 * over JDBC; the programme, cohort and quizzes are made through the API. Before anything is measured, whole deadlines of
 * every trainee warm the service up (3 rounds unless the sixth argument says otherwise). A benchmark, not a test:
 * {@code mvn -Pbench-quiz} (arguments: base URL, JDBC URL, trainees, questions, autosaves, warm-up rounds).
 */
public final class DeadlineQuizBenchmark {
    private static final String DEMO_TRAINER_ID = "0174e1e3-3d00-7002-8000-000000000003";
    private static final String[] KINDS = {"SINGLE_CHOICE", "MULTIPLE_CHOICE", "TRUE_FALSE", "NUMERIC", "SHORT_TEXT"};
    private static final int FLOOR_ROUNDS = 3;

    private final BenchClient client;
    private final String jdbc;

    private DeadlineQuizBenchmark(String base, String jdbc) {
        // one connection per trainee, as 500 browsers would have (HTTP/2 would carry all of them on one)
        this.client = new BenchClient(base, HttpClient.Version.HTTP_1_1);
        this.jdbc = jdbc;
    }

    public static void main(String[] args) throws Exception {
        new DeadlineQuizBenchmark(args.length > 0 ? args[0] : "http://localhost:8080",
                args.length > 1 ? args[1] : "jdbc:mariadb://127.0.0.1:3307/sakkaya?user=root")
                .run(args.length > 2 ? Integer.parseInt(args[2]) : 500, args.length > 3 ? Integer.parseInt(args[3]) : 15,
                        args.length > 4 ? Integer.parseInt(args[4]) : 8, args.length > 5 ? Integer.parseInt(args[5]) : 3);
    }

    /** A question of the quiz: its id and kind, in the quiz's order. */
    private record Question(String id, String kind) {
    }

    private void run(int trainees, int questionCount, int autosaves, int warmRounds) throws Exception {
        String organiser = client.token("programs@example.org", BenchClient.DEMO_PASSWORD);
        String trainer = client.token("trainer@example.org", BenchClient.DEMO_PASSWORD);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String program = BenchClient.id(client.post(organiser, "/programs", "{\"code\":\"QUIZ-" + tag + "\",\"nameTh\":\"ทดสอบแบบทดสอบ\",\"track\":\"OTHER\"}"));
        String cohort = BenchClient.id(client.post(organiser, "/cohorts", "{\"programId\":\"" + program + "\",\"number\":1,\"nameTh\":\"รุ่นทดสอบ\",\"organizerId\":\""
                + BenchClient.DEPARTMENT_OF_HEALTH + "\",\"startsOn\":\"2026-01-05\",\"endsOn\":\"2026-12-30\"}"));
        client.send(organiser, "PUT", "/cohorts/" + cohort + "/trainers/" + DEMO_TRAINER_ID, null);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String window = "\"opensAt\":\"" + now.minusHours(1) + "\",\"closesAt\":\"" + now.plusHours(2) + "\",\"timeLimitMinutes\":90";
        StringBuilder questionsJson = new StringBuilder();
        for (int k = 0; k < questionCount; k++) {
            questionsJson.append(k == 0 ? "" : ",").append(question(k));
        }
        String quiz = BenchClient.id(client.post(trainer, "/cohorts/" + cohort + "/assessments", "{\"kind\":\"QUIZ\",\"title\":\"แบบทดสอบท้ายบท\","
                + "\"weight\":10,\"maxScore\":100," + window + ",\"maxAttempts\":1,\"questions\":[" + questionsJson + "]}"));

        try (Connection db = DriverManager.getConnection(jdbc)) {
            reportSize(db);
            List<Question> questions = questions(db, quiz);
            String bank = questions.stream().map(q -> "\"" + q.id() + "\"").reduce((a, b) -> a + "," + b).orElseThrow();
            // the same questions: a quiz for counting statements, and one whose attempts the C_txn floor writes
            String countQuiz = BenchClient.id(client.post(trainer, "/cohorts/" + cohort + "/assessments", "{\"kind\":\"QUIZ\",\"title\":\"นับคำสั่ง\","
                    + "\"weight\":0,\"maxScore\":100," + window + ",\"questionIds\":[" + bank + "]}"));
            String floorQuiz = BenchClient.id(client.post(trainer, "/cohorts/" + cohort + "/assessments", "{\"kind\":\"QUIZ\",\"title\":\"พื้น\","
                    + "\"weight\":0,\"maxScore\":100," + window + ",\"maxAttempts\":10,\"questionIds\":[" + bank + "]}"));

            long loading = System.nanoTime();
            List<BulkLoad.Trainee> people = BulkLoad.trainees(db, cohort, "quiz-" + tag + "-", trainees,
                    i -> new String[] {"ผู้สอบ", "ที่ " + i}, BulkLoad.passwordHash(BenchClient.DEMO_PASSWORD, 4));
            System.out.printf("bulk load of %d trainees (person, role, account, seat) over JDBC: %.1f s%n", trainees, (System.nanoTime() - loading) / 1e9);
            loading = System.nanoTime();
            List<List<String>> floorAttempts = floorAttempts(db, floorQuiz, people, questions, FLOOR_ROUNDS + 1, autosaves - 1);
            System.out.printf("bulk load of %d x %d in-progress attempts with %d answers each for C_txn: %.1f s%n", FLOOR_ROUNDS + 1, trainees,
                    questionCount, (System.nanoTime() - loading) / 1e9);

            long signing = System.nanoTime();
            List<String> tokens = signIn(people);
            System.out.printf("%d sign-ins (bcrypt of cost 4, 4 threads): %.1f s%n", trainees, (System.nanoTime() - signing) / 1e9);

            // Warm the service up: whole deadlines (start, autosaves, submit at once) of every trainee, unmeasured, each on a
            // quiz of its own. Methods called once a submit reach the optimising compiler only after thousands of calls; each
            // round prints how much of the service's CPU its JIT compiler took.
            for (int round = 1; round <= warmRounds; round++) {
                String warmQuiz = BenchClient.id(client.post(trainer, "/cohorts/" + cohort + "/assessments", "{\"kind\":\"QUIZ\","
                        + "\"title\":\"อุ่นเครื่อง " + round + "\",\"weight\":0,\"maxScore\":100," + window + ",\"questionIds\":[" + bank + "]}"));
                String[] warmAttempts = new String[trainees];
                CpuTime warmCpu = new CpuTime(client.base(), jdbc);
                double[] before = warmCpu.now();
                Burst.Result warm = Burst.run(trainees, i -> {
                    warmAttempts[i] = BenchClient.id(client.post(tokens.get(i), "/assessments/" + warmQuiz + "/attempts", null));
                    for (int save = 0; save < autosaves; save++) {
                        client.send(tokens.get(i), "PUT", "/attempts/" + warmAttempts[i] + "/answers", answers(questions, i, save));
                    }
                }, i -> client.post(tokens.get(i), "/attempts/" + warmAttempts[i] + "/submit", null));
                double[] after = warmCpu.now();
                require(warm.prepareErrors() + warm.errors() == 0, "warm-up failed: " + warm.firstError());
                System.out.printf("warm-up round %d: CPU %s; submit p99 %.0f ms%n", round, CpuTime.between(before, after), warm.p(99));
            }

            // ---- floors, same concurrency ----
            List<Burst.Result> pings = new ArrayList<>();
            Burst.run(trainees, i -> ping());
            for (int r = 0; r < FLOOR_ROUNDS; r++) {
                pings.add(Burst.run(trainees, i -> ping()));
            }
            List<Burst.Result> txns = new ArrayList<>();
            double[] floorCpu = new CpuTime(client.base(), jdbc).now();
            long[] floorPages = diskPages(db);
            try (JdbcPool pool = new JdbcPool(jdbc, JdbcPool.SERVICE_POOL_SIZE)) {
                for (int r = 0; r <= FLOOR_ROUNDS; r++) {
                    List<String> set = floorAttempts.get(r);
                    Burst.Result round = Burst.run(trainees, i -> pool.with(c -> submitTransaction(c, set.get(i))));
                    require(round.errors() == 0, "C_txn failed: " + round.firstError());
                    if (r > 0) { // round 0 warms up
                        txns.add(round);
                    }
                }
            }

            String txnCpu = new CpuTime(client.base(), jdbc).since(floorCpu);
            String floorDisk = pagesSince(floorPages, db);

            // ---- the deadline ----
            List<Long> starts = Collections.synchronizedList(new ArrayList<>());
            List<Long> saves = Collections.synchronizedList(new ArrayList<>());
            String[] attempts = new String[trainees];
            CpuTime cpu = new CpuTime(client.base(), jdbc);
            double[][] cpuAt = new double[2][];
            long[][] locksAt = new long[2][];
            long[][] pagesAt = new long[1][];
            Instant[] releasedAt = new Instant[1];
            cpuAt[0] = cpu.now();
            long prepared = System.nanoTime();
            Burst.Result submits = Burst.run(trainees, i -> {
                long t = System.nanoTime();
                attempts[i] = BenchClient.id(client.post(tokens.get(i), "/assessments/" + quiz + "/attempts", null));
                starts.add(System.nanoTime() - t);
                for (int round = 0; round < autosaves; round++) {
                    t = System.nanoTime();
                    client.send(tokens.get(i), "PUT", "/attempts/" + attempts[i] + "/answers", answers(questions, i, round));
                    saves.add(System.nanoTime() - t);
                }
            }, i -> {
                String result = client.post(tokens.get(i), "/attempts/" + attempts[i] + "/submit", null);
                require(result.contains("\"status\":\"SUBMITTED\""), "submit answered " + result);
            }, () -> {
                cpuAt[1] = cpu.now();
                locksAt[0] = rowLocks(db);
                pagesAt[0] = diskPages(db);
                releasedAt[0] = Instant.now();
            });
            String submitCpu = cpu.since(cpuAt[1]);
            // the wall-clock window of the submits, to pick a profiler's samples out of a whole run
            System.out.printf("submits released at %s, the last answered by %s%n", releasedAt[0],
                    releasedAt[0].plusNanos((long) (submits.drainSeconds() * 1e9)));
            locksAt[1] = rowLocks(db);
            String submitDisk = pagesSince(pagesAt[0], db);
            double wall = (System.nanoTime() - prepared) / 1e9;

            // ---- in the database: every attempt graded, every answer as last saved ----
            Check check = check(db, quiz, people, attempts, questions, autosaves - 1);

            // statements of one start, one autosave of every answer, one autosave replacing them, one submit: the service quiet
            SqlStatements counter = new SqlStatements(db);
            List<List<Long>> counts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int i = trainees - 3; i < trainees; i++) {
                long before = counter.now();
                String attempt = BenchClient.id(client.post(tokens.get(i), "/assessments/" + countQuiz + "/attempts", null));
                counts.get(0).add(counter.since(before));
                for (int round = 0; round < 2; round++) {
                    before = counter.now();
                    client.send(tokens.get(i), "PUT", "/attempts/" + attempt + "/answers", answers(questions, i, round));
                    counts.get(1 + round).add(counter.since(before));
                }
                before = counter.now();
                client.post(tokens.get(i), "/attempts/" + attempt + "/submit", null);
                counts.get(3).add(counter.since(before));
            }

            Burst.Result ping = median(pings);
            Burst.Result txn = median(txns);
            System.out.printf("%nDeadline quiz: %d trainees, %d questions, %d autosaves each, then all submit at once (%.1f s in all)%n",
                    trainees, questionCount, autosaves, wall);
            System.out.printf("Floors at %d concurrent clients released together, median of %d rounds by p99 (every round: C_ping p99 %s ms; "
                    + "C_txn p99 %s ms); C_txn on %d connections%n", trainees, FLOOR_ROUNDS, p99s(pings), p99s(txns), JdbcPool.SERVICE_POOL_SIZE);
            System.out.println();
            System.out.println("| figure | p50 | p95 | p99 | max | ÷ C_txn (p99) | ÷ C_ping (p99) |");
            System.out.println("|---|---|---|---|---|---|---|");
            row("C_ping: GET /api/v1/ping, no database", ping, txn, ping);
            row("C_txn: raw JDBC submit-shaped transaction", txn, txn, ping);
            row("start attempt", new Burst.Result(starts), txn, ping);
            row("autosave (" + questionCount + " answers)", new Burst.Result(saves), txn, ping);
            row("**submit at the deadline**", submits, txn, ping);
            System.out.println();
            System.out.printf("errors (not 2xx or no answer): %d while starting and autosaving, %d submitting%n", submits.prepareErrors(),
                    submits.errors());
            if (submits.firstError() != null) {
                System.out.println("first error: " + submits.firstError());
            }
            System.out.printf("drain, from the release to the last submit answered: %.2f s (C_ping burst: %.2f s, C_txn burst: %.2f s)%n",
                    submits.drainSeconds(), ping.drainSeconds(), txn.drainSeconds());
            System.out.printf("submit p99 ÷ C_txn p99: %.2fx (target ≤ 3x)%n", submits.p(99) / txn.p(99));
            // counted from the release, the floor is the round with the median p99 counted the same way
            Burst.Result txnFromRelease = median(txns, r -> r.pSinceRelease(99));
            System.out.printf("calls started after the release, p50 / p99: C_txn %.0f / %.0f ms, C_ping %.0f / %.0f ms, submit %.0f / %.0f ms%n",
                    txnFromRelease.pStart(50), txnFromRelease.pStart(99), ping.pStart(50), ping.pStart(99), submits.pStart(50),
                    submits.pStart(99));
            System.out.printf("answered after the release, p50 / p99: C_txn %.0f / %.0f ms (p99 of every round: %s ms), submit %.0f / %.0f ms; "
                    + "submit p99 ÷ C_txn p99 counted from the release: %.2fx%n", txnFromRelease.pSinceRelease(50),
                    txnFromRelease.pSinceRelease(99), roundsSinceRelease(txns), submits.pSinceRelease(50), submits.pSinceRelease(99),
                    submits.pSinceRelease(99) / txnFromRelease.pSinceRelease(99));
            System.out.printf("in the database: %d attempts of %d graded (SUBMITTED with a score), %d of %d answers stored as last autosaved, "
                    + "%d missing, %d different, %d without points%n", check.graded, trainees, check.matching, trainees * questions.size(),
                    check.missing, check.different, check.ungraded);
            System.out.printf("CPU of the %d C_txn bursts (%d transactions): %s%n", FLOOR_ROUNDS + 1, (FLOOR_ROUNDS + 1) * trainees, txnCpu);
            System.out.printf("CPU while starting and autosaving: %s; while submitting: %s%n", CpuTime.between(cpuAt[0], cpuAt[1]), submitCpu);
            System.out.printf("InnoDB pages from and to the disk: %s during the C_txn bursts, %s while submitting%n", floorDisk, submitDisk);
            System.out.printf("InnoDB row lock waits while submitting: %d, %d ms waited in all%n", locksAt[1][0] - locksAt[0][0],
                    locksAt[1][1] - locksAt[0][1]);
            System.out.printf("SQL statements (median of 3, one request at a time): start %d, first autosave of %d answers %d, "
                    + "autosave replacing them %d, submit %d%n", middle(counts.get(0)), questionCount, middle(counts.get(1)),
                    middle(counts.get(2)), middle(counts.get(3)));
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    /** C_ping: the plain GET with no database, through the same client and server HTTP stack. */
    private void ping() throws Exception {
        HttpResponse<byte[]> response = client.http().send(HttpRequest.newBuilder(URI.create(client.base() + ReadLoad.PING))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        require(response.statusCode() == 200, ReadLoad.PING + " answered " + response.statusCode());
    }

    private static String roundsSinceRelease(List<Burst.Result> rounds) {
        return rounds.stream().map(r -> String.format("%.0f", r.pSinceRelease(99))).reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static String p99s(List<Burst.Result> rounds) {
        return rounds.stream().map(r -> String.format("%.0f", r.p(99))).reduce((a, b) -> a + ", " + b).orElse("");
    }

    /**
     * The database's size against InnoDB's buffer pool. Every run adds about 35 MB. Once the tables outgrow the pool,
     * InnoDB reads and writes pages on the disk (counted during the floor and the submits), the floor's transactions wait
     * for it more than the submits do, and the ratios look better than they are: runs compare on a fresh data directory.
     */
    private static void reportSize(Connection db) throws java.sql.SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT (SELECT COALESCE(SUM(data_length + index_length), 0) FROM information_schema.tables "
                + "WHERE table_schema = DATABASE()), @@innodb_buffer_pool_size"); ResultSet r = s.executeQuery()) {
            r.next();
            System.out.printf("database before this run: %d MB of tables, InnoDB buffer pool %d MB%n", r.getLong(1) >> 20, r.getLong(2) >> 20);
        }
    }

    /** InnoDB's pages read from the disk (not found in the buffer pool) and written to it, since it started. */
    private static long[] diskPages(Connection db) {
        long[] pages = new long[2];
        try (PreparedStatement s = db.prepareStatement("SHOW GLOBAL STATUS WHERE Variable_name IN "
                + "('Innodb_buffer_pool_reads', 'Innodb_buffer_pool_pages_flushed')"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                pages[r.getString(1).equalsIgnoreCase("Innodb_buffer_pool_reads") ? 0 : 1] = r.getLong(2);
            }
            return pages;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pagesSince(long[] before, Connection db) {
        long[] now = diskPages(db);
        return String.format("%d read, %d written", now[0] - before[0], now[1] - before[1]);
    }

    /** InnoDB's row lock waits so far, and the milliseconds spent in them. */
    private static long[] rowLocks(Connection db) {
        long[] locks = new long[2];
        try (PreparedStatement s = db.prepareStatement("SHOW GLOBAL STATUS LIKE 'Innodb_row_lock_%'"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                if (r.getString(1).equalsIgnoreCase("Innodb_row_lock_waits")) {
                    locks[0] = r.getLong(2);
                } else if (r.getString(1).equalsIgnoreCase("Innodb_row_lock_time")) {
                    locks[1] = r.getLong(2);
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return locks;
    }

    private static long middle(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** The round whose p99 is the median of the rounds'. */
    private static Burst.Result median(List<Burst.Result> rounds) {
        return median(rounds, r -> r.p(99));
    }

    /** The round in the middle when sorted by the figure given. */
    private static Burst.Result median(List<Burst.Result> rounds, ToDoubleFunction<Burst.Result> by) {
        List<Burst.Result> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(by));
        return sorted.get(sorted.size() / 2);
    }

    private static void row(String name, Burst.Result r, Burst.Result txn, Burst.Result ping) {
        System.out.printf("| %s | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.2fx | %.2fx |%n", name, r.p(50), r.p(95), r.p(99), r.p(100),
                r.p(99) / txn.p(99), r.p(99) / ping.p(99));
    }

    /** The k-th question: the five kinds in turn, one point each, options a-d for the choice kinds. */
    private static String question(int k) {
        String options = ",\"options\":[{\"key\":\"a\",\"text\":\"ตัวเลือก ก\"},{\"key\":\"b\",\"text\":\"ตัวเลือก ข\"},"
                + "{\"key\":\"c\",\"text\":\"ตัวเลือก ค\"},{\"key\":\"d\",\"text\":\"ตัวเลือก ง\"}]";
        String head = "{\"kind\":\"" + KINDS[k % KINDS.length] + "\",\"prompt\":\"ข้อที่ " + (k + 1) + "\",\"points\":1";
        return switch (KINDS[k % KINDS.length]) {
            case "SINGLE_CHOICE" -> head + options + ",\"answer\":\"b\"}";
            case "MULTIPLE_CHOICE" -> head + options + ",\"answer\":[\"a\",\"c\"]}";
            case "TRUE_FALSE" -> head + ",\"answer\":true}";
            case "NUMERIC" -> head + ",\"answer\":{\"value\":12,\"tolerance\":0.5}}";
            default -> head + ",\"answer\":[\"ข้อมูล\",\"data\"]}";
        };
    }

    /** Trainee t's answer to question k at autosave round r: different in every round. */
    private static String answer(Question q, int k, int t, int r) {
        int v = t + r + k;
        return switch (q.kind()) {
            case "SINGLE_CHOICE" -> "\"" + "abcd".charAt(v % 4) + "\"";
            case "MULTIPLE_CHOICE" -> "[\"a\",\"" + "bcd".charAt(v % 3) + "\"]";
            case "TRUE_FALSE" -> v % 2 == 0 ? "true" : "false";
            case "NUMERIC" -> String.valueOf(10 * r + k + t % 3);
            default -> "\"คำตอบรอบที่ " + r + (v % 2 == 0 ? " data" : " ข้อมูล") + "\"";
        };
    }

    private static String answers(List<Question> questions, int t, int r) {
        StringBuilder json = new StringBuilder("[");
        for (int k = 0; k < questions.size(); k++) {
            json.append(k == 0 ? "" : ",").append("{\"questionId\":\"").append(questions.get(k).id()).append("\",\"answer\":")
                    .append(answer(questions.get(k), k, t, r)).append('}');
        }
        return json.append(']').toString();
    }

    private static List<Question> questions(Connection db, String quiz) throws Exception {
        List<Question> questions = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("SELECT q.id, q.kind FROM assessment_question aq JOIN question q ON q.id = aq.question_id "
                + "WHERE aq.assessment_id = ? ORDER BY aq.position")) {
            s.setString(1, quiz);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    questions.add(new Question(r.getString(1), r.getString(2)));
                }
            }
        }
        return questions;
    }

    private List<String> signIn(List<BulkLoad.Trainee> people) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (BulkLoad.Trainee person : people) {
                futures.add(pool.submit(() -> client.token(person.email(), BenchClient.DEMO_PASSWORD)));
            }
            List<String> tokens = new ArrayList<>();
            for (Future<String> f : futures) {
                tokens.add(f.get());
            }
            return tokens;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * {@code sets} attempts of every trainee at the floor quiz, in progress, each with every question answered as at
     * the last autosave: what the C_txn floor submits, one set per round. Answers the attempt ids, set by set.
     */
    private static List<List<String>> floorAttempts(Connection db, String floorQuiz, List<BulkLoad.Trainee> people, List<Question> questions,
                                                    int sets, int round) throws Exception {
        StringBuilder layout = new StringBuilder("[");
        for (int k = 0; k < questions.size(); k++) {
            boolean choice = questions.get(k).kind().endsWith("_CHOICE");
            layout.append(k == 0 ? "" : ",").append("{\"questionId\":\"").append(questions.get(k).id()).append("\",\"options\":")
                    .append(choice ? "[\"c\",\"a\",\"d\",\"b\"]" : "[]").append('}');
        }
        layout.append(']');
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp deadline = Timestamp.from(Instant.now().plus(2, ChronoUnit.HOURS));
        List<List<String>> ids = new ArrayList<>();
        db.setAutoCommit(false);
        try (PreparedStatement attempt = db.prepareStatement("INSERT INTO attempt (id, assessment_id, person_id, number, status, started_at, "
                + "deadline_at, layout, version) VALUES (?, ?, ?, ?, 'IN_PROGRESS', ?, ?, ?, 0)");
             PreparedStatement answer = db.prepareStatement("INSERT INTO attempt_answer (attempt_id, question_id, answer, saved_at) "
                     + "VALUES (?, ?, ?, ?)")) {
            for (int set = 0; set < sets; set++) {
                List<String> setIds = new ArrayList<>();
                for (int t = 0; t < people.size(); t++) {
                    String id = UUID.randomUUID().toString();
                    setIds.add(id);
                    attempt.setString(1, id);
                    attempt.setString(2, floorQuiz);
                    attempt.setString(3, people.get(t).personId());
                    attempt.setInt(4, set + 1);
                    attempt.setTimestamp(5, now);
                    attempt.setTimestamp(6, deadline);
                    attempt.setString(7, layout.toString());
                    attempt.addBatch();
                    for (int k = 0; k < questions.size(); k++) {
                        answer.setString(1, id);
                        answer.setString(2, questions.get(k).id());
                        answer.setString(3, answer(questions.get(k), k, t, round));
                        answer.setTimestamp(4, now);
                        answer.addBatch();
                    }
                }
                attempt.executeBatch();
                answer.executeBatch();
                db.commit();
                ids.add(setIds);
            }
        } finally {
            db.setAutoCommit(true);
        }
        return ids;
    }

    /**
     * C_txn: what a submit must do at the least, in raw JDBC. Lock the attempt row by primary key, read its saved
     * answers, write each answer's points, write the attempt's status, score and finish time, commit. (The service
     * also reads the assessment and the questions' keys, writes an audit row and marks the cohort's pass decisions
     * stale; the floor leaves those out.)
     */
    private static Void submitTransaction(Connection db, String attemptId) throws Exception {
        db.setAutoCommit(false);
        try {
            int version;
            try (PreparedStatement s = db.prepareStatement("SELECT id, assessment_id, person_id, status, deadline_at, layout, version "
                    + "FROM attempt WHERE id = ? FOR UPDATE")) {
                s.setString(1, attemptId);
                try (ResultSet r = s.executeQuery()) {
                    require(r.next(), "no attempt " + attemptId);
                    version = r.getInt(7);
                }
            }
            List<String> answered = new ArrayList<>();
            try (PreparedStatement s = db.prepareStatement("SELECT question_id, answer FROM attempt_answer WHERE attempt_id = ?")) {
                s.setString(1, attemptId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        answered.add(r.getString(1));
                        r.getString(2);
                    }
                }
            }
            // every answer's points in one statement, as the service writes them
            int earned = 0;
            try (PreparedStatement s = db.prepareStatement("UPDATE attempt_answer SET points = CASE question_id"
                    + " WHEN ? THEN ?".repeat(answered.size()) + " ELSE points END WHERE attempt_id = ?")) {
                int parameter = 1;
                for (String question : answered) {
                    int points = (question.hashCode() & 1);
                    earned += points;
                    s.setString(parameter++, question);
                    s.setInt(parameter++, points);
                }
                s.setString(parameter, attemptId);
                require(!answered.isEmpty(), "attempt " + attemptId + " has no answers to grade");
                int written = s.executeUpdate();
                require(written == answered.size(), "attempt " + attemptId + ": " + written + " of " + answered.size() + " answers graded");
            }
            try (PreparedStatement s = db.prepareStatement("UPDATE attempt SET status = 'SUBMITTED', score = ?, max_score = 100, "
                    + "finished_at = ?, version = ? WHERE id = ? AND version = ?")) {
                s.setInt(1, answered.isEmpty() ? 0 : 100 * earned / answered.size());
                s.setTimestamp(2, Timestamp.from(Instant.now()));
                s.setInt(3, version + 1);
                s.setString(4, attemptId);
                s.setInt(5, version);
                require(s.executeUpdate() == 1, "attempt " + attemptId + " changed underneath");
            }
            db.commit();
            return null;
        } catch (Exception e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static final class Check {
        int graded;
        int matching;
        int missing;
        int different;
        int ungraded;
    }

    /** Every attempt graded, and every answer stored as the trainee last autosaved it (compared as JSON values). */
    private static Check check(Connection db, String quiz, List<BulkLoad.Trainee> people, String[] attempts, List<Question> questions,
                               int lastRound) throws Exception {
        Check check = new Check();
        try (PreparedStatement s = db.prepareStatement("SELECT COUNT(*) FROM attempt WHERE assessment_id = ? AND status = 'SUBMITTED' "
                + "AND score IS NOT NULL AND finished_at IS NOT NULL")) {
            s.setString(1, quiz);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                check.graded = r.getInt(1);
            }
        }
        Map<String, String> stored = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement("SELECT aa.attempt_id, aa.question_id, aa.answer, aa.points FROM attempt_answer aa "
                + "JOIN attempt a ON a.id = aa.attempt_id WHERE a.assessment_id = ?")) {
            s.setString(1, quiz);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    stored.put(r.getString(1) + "/" + r.getString(2), r.getString(3));
                    if (r.getBigDecimal(4) == null) {
                        check.ungraded++;
                    }
                }
            }
        }
        for (int t = 0; t < people.size(); t++) {
            for (int k = 0; k < questions.size(); k++) {
                String value = attempts[t] == null ? null : stored.get(attempts[t] + "/" + questions.get(k).id());
                if (value == null) {
                    check.missing++;
                } else if (json(value).equals(json(answer(questions.get(k), k, t, lastRound)))) {
                    check.matching++;
                } else {
                    check.different++;
                }
            }
        }
        return check;
    }

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
