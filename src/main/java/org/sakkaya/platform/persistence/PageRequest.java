package org.sakkaya.platform.persistence;

import jakarta.persistence.TypedQuery;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code ?page=0&size=50}, size at most 500. Used as a {@code @BeanParam}. Pages stop at a million, so that the first
 * row's position ({@code page * size}) always fits an int: a page far past the end is a client's mistake (400), and
 * any page up to there past the end is simply empty.
 */
public class PageRequest {
    public static final int MAX_SIZE = 500;
    public static final int MAX_PAGE = 1_000_000;
    private static final int DEFAULT_SIZE = 50;

    // read as text and checked here: a value Jersey could not convert to a number (?page=abc) failed inside the
    // injection of this bean, which logged a stack trace of three exceptions for every such request before it was
    // answered 400; blank is the default
    @QueryParam("page")
    @DefaultValue("0")
    @Parameter(description = "the page, from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000000", defaultValue = "0"))
    @Pattern(regexp = "\\s*(0*([0-9]{1,6}|1000000))?\\s*", message = "must be a whole number from 0 to 1000000")
    private String page;

    @QueryParam("size")
    @DefaultValue("50")
    @Parameter(description = "rows a page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50"))
    @Pattern(regexp = "\\s*(0*([1-9][0-9]?|[1-4][0-9]{2}|500))?\\s*", message = "must be a whole number from 1 to 500")
    private String size;

    public PageRequest() {
    }

    public PageRequest(int page, int size) {
        this.page = Integer.toString(page);
        this.size = Integer.toString(size);
    }

    public int page() {
        return number(page, 0);
    }

    public int size() {
        return number(size, DEFAULT_SIZE);
    }

    /** The number a checked text says (its pattern allows only digits, and spaces around them), blank its default. */
    private static int number(String text, int blank) {
        String digits = text == null ? "" : text.strip();
        return digits.isEmpty() ? blank : Integer.parseInt(digits);
    }

    public <T> TypedQuery<T> apply(TypedQuery<T> query) {
        return query.setFirstResult(Math.multiplyExact(page(), size())).setMaxResults(size());
    }

    /** This page of {@code items} with the total {@code count} gives, both queries taking the same parameters. */
    public <T> Page<T> of(TypedQuery<T> items, TypedQuery<Long> count, Map<String, Object> parameters) {
        parameters.forEach(items::setParameter);
        parameters.forEach(count::setParameter);
        return new Page<>(apply(items).getResultList(), page(), size(), count.getSingleResult());
    }
}
