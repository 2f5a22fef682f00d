package io.caravan.sdk.model;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;
import java.time.Instant;
import java.util.Map;

/**
 * A placed order: the cart as it was bought, what was charged, and where the order stands in
 * each of its facets (lifecycle, payment, fulfilment, returns), which move independently.
 *
 * @param id               the store's order id; not blank, at most 64 characters
 * @param cart             the cart as placed (its {@code orderDate} is the placement date)
 * @param totals           the amounts charged, in the cart's currency
 * @param lineTax          tax charged per cart line id (what a refund of that line gives back);
 *                         keys are line ids of {@code cart}; may be empty when the store recorded
 *                         tax only in total
 * @param placedAt         when the order was placed
 * @param status           the lifecycle
 * @param paymentStatus    the payment facet, derived by the platform from the payments' amounts
 * @param fulfilmentStatus the fulfilment facet
 * @param returnStatus     the returns facet
 */
public record Order(
        String id,
        Cart cart,
        OrderTotals totals,
        Map<String, Money> lineTax,
        Instant placedAt,
        OrderStatus status,
        PaymentStatus paymentStatus,
        FulfilmentStatus fulfilmentStatus,
        ReturnStatus returnStatus) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid, the totals or a line's tax are in
     *                                  another currency than the cart, or {@code lineTax} names an
     *                                  unknown line
     */
    public Order {
        Checks.text(id, "Order.id", 64);
        Checks.required(cart, "Order.cart");
        Checks.required(totals, "Order.totals");
        if (!totals.currency().equals(cart.currency())) {
            throw new IllegalArgumentException(
                    "Order.totals must be in " + cart.currency().getCurrencyCode() + " like the cart, were in "
                            + totals.currency().getCurrencyCode());
        }
        lineTax = Checks.map(lineTax, "Order.lineTax");
        for (Map.Entry<String, Money> e : lineTax.entrySet()) {
            cart.line(e.getKey());
            String field = "Order.lineTax[" + e.getKey() + "]";
            Checks.currency(Checks.nonNegative(e.getValue(), field), cart.currency(), field);
        }
        Checks.required(placedAt, "Order.placedAt");
        Checks.required(status, "Order.status");
        Checks.required(paymentStatus, "Order.paymentStatus");
        Checks.required(fulfilmentStatus, "Order.fulfilmentStatus");
        Checks.required(returnStatus, "Order.returnStatus");
    }
}
