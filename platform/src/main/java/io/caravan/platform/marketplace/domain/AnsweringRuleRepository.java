package io.caravan.platform.marketplace.domain;

import java.util.List;

/** A store's answering rules; every method is scoped to the store it is given. */
public interface AnsweringRuleRepository {
    /** Every rule of the store, by point then position. */
    List<AnsweringRule> list(String storeId);

    /** The store's rules for one point, by position. */
    List<AnsweringRule> forPoint(String storeId, String point);

    /**
     * Replaces the store's rules for a point with these, in order (positions 0, 1, …).
     *
     * @throws io.caravan.platform.shared.domain.StateConflictException when another change of the same
     *     point committed first
     */
    void replace(String storeId, String point, List<AnswerRule> rules, java.time.Instant now);
}
