package io.caravan.sdk.affiliate;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.Order;
import io.caravan.sdk.money.Money;
import java.time.Instant;
import java.util.Map;

/**
 * An attributed order whose payment succeeded, to propose commissions for.
 *
 * @param order              the order
 * @param attribution        the referral the order was credited to
 * @param commissionableLines line id → what of the line earns commission, after the store's
 *                           stacking rule (say, nothing on the part paid with points); all in the
 *                           order's currency, not negative
 * @param stackingRule       the store's rule in words, for the plugin's explanations; at most 200 characters
 * @param now                the platform's time of the request
 */
public record CommissionRequest(
        Order order,
        Attribution attribution,
        Map<String, Money> commissionableLines,
        String stackingRule,
        Instant now) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public CommissionRequest {
        Checks.required(order, "CommissionRequest.order");
        Checks.required(attribution, "CommissionRequest.attribution");
        commissionableLines = Checks.map(commissionableLines, "CommissionRequest.commissionableLines");
        for (Map.Entry<String, Money> line : commissionableLines.entrySet()) {
            Checks.nonNegative(line.getValue(), "CommissionRequest.commissionableLines[" + line.getKey() + "]");
        }
        Checks.text(stackingRule, "CommissionRequest.stackingRule", 200);
        Checks.required(now, "CommissionRequest.now");
    }
}
