package io.caravan.sdk.payments;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.Customer;
import io.caravan.sdk.money.Money;
import java.net.URI;

/**
 * A request to open a provider session for one payment attempt, before the shopper's client
 * component collects the payment details.
 *
 * @param attemptKey the platform's idempotency key for this attempt at this provider, the same key
 *                   the attempt's {@link AuthorizationRequest#attemptKey()} will carry; at most 128 characters
 * @param orderId    the store's order id; at most 64 characters
 * @param methodCode the method chosen, a {@link PaymentMethod#methodCode()} this plugin offered
 * @param amount     the amount the attempt will authorise; greater than zero
 * @param customer   the buyer
 * @param returnUrl  where the provider sends the shopper back after a redirect, or null
 */
public record PaymentSessionRequest(
        String attemptKey, String orderId, String methodCode, Money amount, Customer customer, URI returnUrl) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public PaymentSessionRequest {
        Checks.text(attemptKey, "PaymentSessionRequest.attemptKey", 128);
        Checks.text(orderId, "PaymentSessionRequest.orderId", 64);
        PaymentMethodCodes.check(methodCode, "PaymentSessionRequest.methodCode");
        Checks.positive(amount, "PaymentSessionRequest.amount");
        Checks.required(customer, "PaymentSessionRequest.customer");
    }
}
