package io.caravan.platform.shared.domain;

import java.util.List;
import java.util.function.Function;

/** One page of results. {@code page} is zero-based; {@code total} counts every match. */
public record Page<T>(List<T> items, int page, int size, long total) {
    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
