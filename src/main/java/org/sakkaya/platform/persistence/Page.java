package org.sakkaya.platform.persistence;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as every list in the API answers it. */
public record Page<T>(List<T> items, int page, int size, long total) {
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }
}
