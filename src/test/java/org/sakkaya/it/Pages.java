package org.sakkaya.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Checks a list of the API against its convention: {@code ?page=&size=} in, {@code {items, page, size, total}} out. */
public final class Pages {
    private Pages() {
    }

    /**
     * The fewest SQL statements the database received during one read of {@code path} (MariaDB's {@code Questions}
     * counter), over three reads: the least is the read's own, without what a background job sent meanwhile. Compare
     * two such figures, of the same list short and long, to show that a list costs the same whatever its length.
     */
    public static long statementsPerRead(Api api, String token, String path) {
        long least = Long.MAX_VALUE;
        try (Connection db = TestDatabase.connect()) {
            for (int i = 0; i < 3; i++) {
                long before = questions(db);
                api.as(token).queryParam("size", 500).get(path).then().statusCode(200);
                least = Math.min(least, questions(db) - before);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return least;
    }

    /**
     * The fewest rows the database read (MariaDB's {@code Rows_read}; 11.4 has no {@code Innodb_rows_read}) during one
     * read of {@code path}, as it is, over five reads: the least is the read's own. Compare two such figures with
     * {@link #assertReadsNoneOfTheRowsAdded} to show that a read costs the same however many rows there are that it
     * has no need of.
     */
    public static long rowsReadPerRead(Api api, String token, String path) {
        long least = Long.MAX_VALUE;
        try (Connection db = TestDatabase.connect()) {
            for (int i = 0; i < 5; i++) {
                long before = status(db, "Rows_read");
                api.as(token).get(path).then().statusCode(200);
                least = Math.min(least, status(db, "Rows_read") - before);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return least;
    }

    /**
     * A read's {@link #rowsReadPerRead} after {@code added} rows it has no need of were added (other trainees' seats,
     * say) is less than {@code added} above what it was before. Not equal: the counter is the server's, and the
     * optimiser may switch to another index as the tables grow and their statistics are recomputed, which moves the
     * figure by a few rows without anything read for the rows added. A read that touches each of the rows added, or each
     * of their owners, reads at least {@code added} more, and fails.
     */
    public static void assertReadsNoneOfTheRowsAdded(long before, long after, int added) {
        assertThat(after).as("rows read after %d rows the read has no need of were added (%d before)", added, before)
                .isLessThan(before + added);
    }

    private static long questions(Connection db) throws SQLException {
        return status(db, "Questions");
    }

    private static long status(Connection db, String counter) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SHOW GLOBAL STATUS LIKE '" + counter + "'")) {
            r.next();
            return r.getLong(2);
        }
    }

    /**
     * Reads the list at {@code path} whole ({@code size=500}) and then {@code size} items at a time, and checks that the
     * pages hold every item once, in the same order, with the right {@code total}, that a page past the end is empty, and
     * that a size above 500, a size of 0 and a negative page are 400s naming the parameter. Answers {@code key} of every
     * item, in order.
     */
    public static List<Object> checkPaging(Api api, String token, String path, String key, int size, int total) {
        JsonPath whole = api.as(token).queryParam("size", 500).get(path).then().statusCode(200).extract().jsonPath();
        assertThat(whole.getInt("total")).as("total of %s", path).isEqualTo(total);
        assertThat(whole.getInt("page")).isZero();
        assertThat(whole.getInt("size")).isEqualTo(500);
        List<Object> all = whole.getList("items." + key);
        assertThat(all).as("items of %s", path).hasSize(total).doesNotHaveDuplicates();

        int pages = (total + size - 1) / size;
        assertThat(pages).as("the list needs two pages or more to prove anything").isGreaterThanOrEqualTo(2);
        List<Object> paged = new ArrayList<>();
        for (int page = 0; page <= pages; page++) {
            JsonPath one = api.as(token).queryParam("page", page).queryParam("size", size).get(path).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(one.getInt("page")).isEqualTo(page);
            assertThat(one.getInt("size")).isEqualTo(size);
            assertThat(one.getInt("total")).isEqualTo(total);
            List<Object> items = one.getList("items." + key);
            assertThat(items).as("page %d of %s", page, path).hasSize(Math.max(0, Math.min(size, total - page * size)));
            paged.addAll(items);
        }
        assertThat(paged).as("%s a page at a time", path).containsExactlyElementsOf(all);

        api.as(token).queryParam("size", 501).get(path).then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors.field", hasItem("size"));
        api.as(token).queryParam("size", 0).get(path).then().statusCode(400).body("errors.field", hasItem("size"));
        api.as(token).queryParam("page", -1).get(path).then().statusCode(400).body("errors.field", hasItem("page"));
        return all;
    }
}
