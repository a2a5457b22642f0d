package org.sakkaya.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Requests queued for a row that a transaction of the test holds ({@code SELECT ... FOR UPDATE}), as a long request
 * holding it would: each request does what it does before it asks for the row, then waits for it. Once they wait (the
 * process list shows their locking reads of the row) the test lets go, so that they overlap every time rather than when
 * the machine's timing allows. For races that only show when a request waited for a lock after its transaction had read
 * something (MariaDB's REPEATABLE READ snapshot).
 */
public final class HeldRow {
    private HeldRow() {
    }

    /**
     * Sends the requests at once, lets go once {@code queued} of them wait (at most 30: the application has 32 database
     * connections, and a request holds one while it waits), and answers them in the order given.
     */
    public static List<Response> together(String table, String id, int queued, List<Callable<Response>> requests) throws Exception {
        return queue(table, "id = ?", List.of(id), id, requests, false, Math.min(queued, 30), () -> { });
    }

    /**
     * Sends the requests one after the other, each once the one before waits for the row, so that they get it in that
     * order; then lets go. Answers them in order.
     */
    public static List<Response> inOrder(String table, String id, List<Callable<Response>> requests) throws Exception {
        return queue(table, "id = ?", List.of(id), id, requests, true, requests.size(), () -> { });
    }

    /**
     * Sends the request while the row of {@code table} that {@code where} names is held, waits until the request waits
     * for it (a locking read of the table whose text holds {@code mark}: an id it is looked up by), does {@code
     * meanwhile}, and lets go. For a request whose transaction read something before it waited, while something else
     * changes and commits.
     */
    public static Response meanwhile(String table, String where, List<String> parameters, String mark, Callable<Response> request,
                                     Runnable meanwhile) throws Exception {
        return queue(table, where, parameters, mark, List.of(request), true, 1, meanwhile).get(0);
    }

    private static List<Response> queue(String table, String where, List<String> parameters, String mark,
                                        List<Callable<Response>> requests, boolean oneByOne, int queued, Runnable meanwhile)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try (Connection holder = TestDatabase.connect()) {
            holder.setAutoCommit(false);
            try (PreparedStatement hold = holder.prepareStatement("SELECT id FROM " + table + " WHERE " + where + " FOR UPDATE")) {
                for (int i = 0; i < parameters.size(); i++) {
                    hold.setString(i + 1, parameters.get(i));
                }
                assertThat(hold.executeQuery().next()).as("the %s to hold", table).isTrue();
            }
            List<Future<Response>> answers = new ArrayList<>();
            for (Callable<Response> request : requests) {
                answers.add(pool.submit(request));
                if (oneByOne) {
                    waitForQueue(table, mark, answers.size(), answers);
                }
            }
            if (!oneByOne) {
                waitForQueue(table, mark, queued, answers);
            }
            meanwhile.run();
            holder.commit();
            List<Response> answered = new ArrayList<>();
            for (Future<Response> answer : answers) {
                answered.add(answer.get(3, TimeUnit.MINUTES));
            }
            return answered;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void waitForQueue(String table, String mark, int queued, List<Future<Response>> answers) throws InterruptedException {
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        // not this count's own statement, whose text holds both
        // a locking read of either kind: FOR UPDATE, or LOCK IN SHARE MODE (readers that share the row)
        while (TestDatabase.count("SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE ? "
                + "AND (info LIKE '%FOR UPDATE%' OR info LIKE '%LOCK IN SHARE MODE%') AND info LIKE CONCAT('%', ?, '%') "
                + "AND id <> CONNECTION_ID()", "%FROM " + table + " WHERE%", mark) < queued) {
            assertThat(answers).as("no request answers while the %s is held", table).noneMatch(Future::isDone);
            assertThat(System.nanoTime()).as("the requests queued for the %s", table).isLessThan(waitUntil);
            Thread.sleep(20);
        }
    }
}
