package io.caravan.sdk.returns;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.Order;
import io.caravan.sdk.money.Money;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What to compute a refund for: the order, the store's decision, the goods that came back, and
 * what was paid and already refunded — per line and for shipping — so the proposal can respect the
 * caps the platform will apply anyway.
 *
 * @param returnId             the return case; at most 64 characters
 * @param order                the order, with the tax charged per line in {@link Order#lineTax()}
 * @param authorization        the decision recorded for the case (resolutions, restocking fees,
 *                             who pays the return postage)
 * @param items                the inspected goods; at least one, each a line of the order with a
 *                             {@link PaidLine}; empty is not allowed, but a case whose goods the
 *                             shopper keeps lists the authorised units here as inspected unseen
 * @param paidLines            what was paid and refunded per line, for every line of {@code items};
 *                             each line once, in the order's currency
 * @param shippingPaid         what the shopper paid for shipping, after its discount; not negative
 * @param shippingRefunded     what earlier refunds gave back of it; at most {@code shippingPaid}
 * @param returnShippingCharge what the return shipment cost the store, or null when none was booked;
 *                             not negative, in the order's currency
 */
public record RefundCalculationRequest(
        String returnId,
        Order order,
        ReturnAuthorization authorization,
        List<ReturnedItem> items,
        List<PaidLine> paidLines,
        Money shippingPaid,
        Money shippingRefunded,
        Money returnShippingCharge) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid, an item is not a line of the order
     *                                  or has no paid line, an amount is in another currency, or
     *                                  more was refunded than paid; the message names the field
     */
    public RefundCalculationRequest {
        Checks.text(returnId, "RefundCalculationRequest.returnId", 64);
        Checks.required(order, "RefundCalculationRequest.order");
        Checks.required(authorization, "RefundCalculationRequest.authorization");
        items = Checks.nonEmptyList(items, "RefundCalculationRequest.items");
        paidLines = Checks.list(paidLines, "RefundCalculationRequest.paidLines");
        Currency currency = order.cart().currency();
        Set<String> paid = new HashSet<>();
        for (int i = 0; i < paidLines.size(); i++) {
            PaidLine line = paidLines.get(i);
            String field = "RefundCalculationRequest.paidLines[" + i + "]";
            orderLine(order, line.lineRef(), field + ".lineRef");
            if (!paid.add(line.lineRef())) {
                throw new IllegalArgumentException(field + ".lineRef \"" + line.lineRef() + "\" is listed twice");
            }
            Checks.currency(line.paid(), currency, field + ".paid");
        }
        for (int i = 0; i < items.size(); i++) {
            String ref = items.get(i).lineRef();
            String field = "RefundCalculationRequest.items[" + i + "].lineRef";
            orderLine(order, ref, field);
            if (!paid.contains(ref)) {
                throw new IllegalArgumentException(field + " \"" + ref + "\" has no paid line");
            }
        }
        Checks.currency(
                Checks.nonNegative(shippingPaid, "RefundCalculationRequest.shippingPaid"),
                currency,
                "RefundCalculationRequest.shippingPaid");
        Checks.currency(
                Checks.nonNegative(shippingRefunded, "RefundCalculationRequest.shippingRefunded"),
                currency,
                "RefundCalculationRequest.shippingRefunded");
        if (shippingRefunded.compareTo(shippingPaid) > 0) {
            throw new IllegalArgumentException("RefundCalculationRequest.shippingRefunded must be at most"
                    + " shippingPaid (" + shippingPaid + "), was " + shippingRefunded);
        }
        if (returnShippingCharge != null) {
            Checks.currency(
                    Checks.nonNegative(returnShippingCharge, "RefundCalculationRequest.returnShippingCharge"),
                    currency,
                    "RefundCalculationRequest.returnShippingCharge");
        }
    }

    private static void orderLine(Order order, String ref, String field) {
        if (order.cart().lines().stream().noneMatch(l -> l.lineId().equals(ref))) {
            throw new IllegalArgumentException(field + " \"" + ref + "\" is not a line of order " + order.id());
        }
    }

    /**
     * What was paid and refunded of a line.
     *
     * @param lineRef an order line id
     * @return its paid line, or empty if the request has none for it
     */
    public Optional<PaidLine> paidLine(String lineRef) {
        return paidLines.stream().filter(p -> p.lineRef().equals(lineRef)).findFirst();
    }

    /**
     * What may still be refunded of the shipping: the platform's cap of {@link RefundBreakdown#shippingRefund()}.
     *
     * @return {@code shippingPaid − shippingRefunded}
     */
    public Money shippingRemaining() {
        return shippingPaid.minus(shippingRefunded);
    }
}
