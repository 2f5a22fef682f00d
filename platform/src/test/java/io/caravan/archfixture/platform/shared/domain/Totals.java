package io.caravan.archfixture.platform.shared.domain;

import io.caravan.archfixture.platform.orders.domain.Order;

/** Wrong: shared knows a context. */
public final class Totals {
    private Totals() {}

    public static int count(Order... orders) {
        return orders.length;
    }
}
