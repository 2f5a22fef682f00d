package io.caravan.sdk.payments;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.Customer;
import io.caravan.sdk.money.Money;
import java.net.URI;

/**
 * A request to reserve (or, for methods without a separate capture, take) an amount.
 *
 * @param idempotencyKey the platform's key for this attempt: a repeated call with the same key must
 *                       return the first call's outcome and never authorize twice; at most 128 characters
 * @param orderId        the store's order id; at most 64 characters
 * @param methodId       a {@link PaymentMethod#methodId()} this plugin offered
 * @param amount         the amount to authorize; greater than zero
 * @param customer       the buyer
 * @param billingAddress the billing address, or null when the method does not need one
 * @param paymentToken   the opaque token the provider's client-side component produced (card
 *                       fields, wallet sheet), or null for methods without one; the SDK never sees
 *                       card numbers; at most 4096 characters
 * @param returnUrl      where the provider sends the shopper back after a redirect, or null
 */
public record AuthorizationRequest(
        String idempotencyKey,
        String orderId,
        String methodId,
        Money amount,
        Customer customer,
        Address billingAddress,
        String paymentToken,
        URI returnUrl) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public AuthorizationRequest {
        Checks.text(idempotencyKey, "AuthorizationRequest.idempotencyKey", 128);
        Checks.text(orderId, "AuthorizationRequest.orderId", 64);
        Checks.text(methodId, "AuthorizationRequest.methodId", 64);
        Checks.positive(amount, "AuthorizationRequest.amount");
        Checks.required(customer, "AuthorizationRequest.customer");
        Checks.optionalText(paymentToken, "AuthorizationRequest.paymentToken", 4096);
    }
}
