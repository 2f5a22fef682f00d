package io.caravan.archfixture.platform.billing.application;

import io.caravan.archfixture.platform.orders.domain.Order;

/**
 * Allowed on its own (another context's domain), but with PlaceOrder using billing this closes a
 * cycle orders -> billing -> orders.
 */
public class Invoicing {
    public String invoice(Order order) {
        return "invoice for " + order.id();
    }
}
