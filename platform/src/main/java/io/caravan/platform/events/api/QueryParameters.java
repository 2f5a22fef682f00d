package io.caravan.platform.events.api;

import io.caravan.platform.events.domain.DeliveryStatus;
import io.caravan.platform.shared.api.Problem;
import io.caravan.platform.shared.domain.PageRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the outbox endpoints' query parameters and collects every bad one, so the problem
 * document names them all at once (never a 404 for a status JAX-RS could not convert).
 */
final class QueryParameters {
    private static final int MAX_ORDER_ID = 64;

    private final List<Problem.FieldError> errors = new ArrayList<>();

    DeliveryStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(
                    "status", "must be one of " + Arrays.toString(DeliveryStatus.values()) + ", not '" + value + "'"));
            return null;
        }
    }

    String orderId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_ORDER_ID) {
            errors.add(new Problem.FieldError("orderId", "must be at most " + MAX_ORDER_ID + " characters"));
            return null;
        }
        return value.strip();
    }

    PageRequest page(int page, int size) {
        if (page < 0) {
            errors.add(new Problem.FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > PageRequest.MAX_SIZE) {
            errors.add(new Problem.FieldError("size", "must be between 1 and " + PageRequest.MAX_SIZE));
        }
        return errors.isEmpty() ? new PageRequest(page, size) : null;
    }

    /** Throws the problem naming every bad parameter, if any. */
    void check() {
        if (!errors.isEmpty()) {
            throw new InvalidQueryException(List.copyOf(errors));
        }
    }
}
