package org.sakkaya.outcome.control;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;

/** A native SQL statement built from parts, with its parameters bound in order. */
final class Query {
    private String select = "*";
    private String from;
    private String suffix = "";
    private String outerBefore = "";
    private String outerAfter = "";
    private final List<String> where = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    Query from(String from) {
        this.from = from;
        return this;
    }

    /** A condition with a {@code ?} for each value. */
    Query where(String condition, Object... values) {
        where.add(condition);
        parameters.addAll(List.of(values));
        return this;
    }

    Query select(String select) {
        this.select = select;
        return this;
    }

    /** A select list with a {@code ?} for each value; they come before the WHERE's, as the text does. */
    Query select(String select, Object... values) {
        this.select = select;
        parameters.addAll(0, List.of(values));
        return this;
    }

    /** GROUP BY, ORDER BY, LIMIT: whatever follows the WHERE (without parameters). */
    Query suffix(String suffix) {
        this.suffix = suffix;
        return this;
    }

    /** Makes this statement a derived table: {@code before (this) after}. */
    Query within(String before, String after) {
        this.outerBefore = before;
        this.outerAfter = after;
        return this;
    }

    String sql() {
        String text = outerBefore + "SELECT " + select + " FROM " + from + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + suffix + outerAfter;
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char ch : text.toCharArray()) {
            if (ch == '?') {
                numbered.append('?').append(++n);
            } else {
                numbered.append(ch);
            }
        }
        return numbered.toString();
    }

    jakarta.persistence.Query create(EntityManager em) {
        jakarta.persistence.Query query = em.createNativeQuery(sql());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
