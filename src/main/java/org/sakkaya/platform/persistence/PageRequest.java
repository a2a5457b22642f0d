package org.sakkaya.platform.persistence;

import jakarta.persistence.TypedQuery;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * {@code ?page=0&size=50}, size at most 500. Used as a {@code @BeanParam}. Pages stop at a million, so that the first
 * row's position ({@code page * size}) always fits an int: a page far past the end is a client's mistake (400), and
 * any page up to there past the end is simply empty.
 */
public class PageRequest {
    public static final int MAX_SIZE = 500;
    public static final int MAX_PAGE = 1_000_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be 0 or more")
    @Max(value = MAX_PAGE, message = "must be at most 1000000")
    private int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(value = 1, message = "must be 1 or more")
    @Max(value = MAX_SIZE, message = "must be at most 500")
    private int size;

    public PageRequest() {
    }

    public PageRequest(int page, int size) {
        this.page = page;
        this.size = size;
    }

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }

    public <T> TypedQuery<T> apply(TypedQuery<T> query) {
        return query.setFirstResult(Math.multiplyExact(page, size)).setMaxResults(size);
    }
}
