package io.caravan.sdk.affiliate;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;

/**
 * A refund on an order that earned a commission.
 *
 * @param idempotencyKey the platform's key: the same key reverses once; at most 128 characters
 * @param original       the commission recorded for the order
 * @param refundedAmount how much of the order this refund gave back; greater than zero, in the
 *                       commission's currency
 * @param reason         why, for the affiliate's statement; at most 200 characters, or null
 */
public record CommissionReversalRequest(
        String idempotencyKey, Commission original, Money refundedAmount, String reason) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid or the refund is in another currency
     */
    public CommissionReversalRequest {
        Checks.text(idempotencyKey, "CommissionReversalRequest.idempotencyKey", 128);
        Checks.required(original, "CommissionReversalRequest.original");
        Checks.positive(refundedAmount, "CommissionReversalRequest.refundedAmount");
        Checks.currency(refundedAmount, original.amount().currency(), "CommissionReversalRequest.refundedAmount");
        Checks.optionalText(reason, "CommissionReversalRequest.reason", 200);
    }
}
