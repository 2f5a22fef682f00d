package io.caravan.sdk.events;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.payments.PaymentMethodCodes;

/**
 * The payment part of a {@code PAYMENT_*} order event: which method, how much, through which
 * payments plugin.
 *
 * @param methodCode the payment method's code ({@link PaymentMethodCodes})
 * @param amount     the amount authorised, captured, failed, voided or refunded by this change;
 *                   greater than zero, in the order's currency
 * @param pluginId   the id of the payments plugin whose installation handled it; at most 64 characters
 */
public record PaymentChange(String methodCode, Money amount, String pluginId) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public PaymentChange {
        PaymentMethodCodes.check(methodCode, "PaymentChange.methodCode");
        Checks.positive(amount, "PaymentChange.amount");
        Checks.text(pluginId, "PaymentChange.pluginId", 64);
    }
}
