package io.caravan.platform.shared.domain;

/** A zero-based page number and a page size between 1 and 200. */
public record PageRequest(int page, int size) {
    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 0) {
            throw new InvalidInputException("page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size must be between 1 and " + MAX_SIZE);
        }
    }

    public int offset() {
        return Math.multiplyExact(page, size);
    }
}
