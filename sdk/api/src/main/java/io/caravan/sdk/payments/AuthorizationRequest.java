package io.caravan.sdk.payments;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.Customer;
import io.caravan.sdk.money.Money;
import java.net.URI;

/**
 * A request to reserve (or, for methods without a separate capture, take) an amount.
 *
 * @param attemptKey        the platform's idempotency key: ONE key per (payment attempt, provider).
 *                          The platform never sends the same key to two providers and never reuses
 *                          it for another attempt; a repeated call with the same key (a retry after
 *                          a timeout) must return the first call's outcome and never charge twice.
 *                          Send it to the provider as its idempotency key; at most 128 characters
 * @param orderId           the store's order id; at most 64 characters
 * @param methodCode        a {@link PaymentMethod#methodCode()} this plugin offered
 * @param amount            the amount to authorise; greater than zero
 * @param customer          the buyer
 * @param billingAddress    the billing address, or null when the method does not need one
 * @param paymentToken      the opaque token the provider's client-side component produced (card
 *                          fields, wallet sheet), or null for methods without one; the SDK never
 *                          sees card numbers; at most 4096 characters
 * @param returnUrl         where the provider sends the shopper back after a redirect, or null
 * @param providerSessionId the session {@link PaymentSessionStarter} opened for this attempt, or
 *                          null without one; at most 128 characters
 */
public record AuthorizationRequest(
        String attemptKey,
        String orderId,
        String methodCode,
        Money amount,
        Customer customer,
        Address billingAddress,
        String paymentToken,
        URI returnUrl,
        String providerSessionId) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public AuthorizationRequest {
        Checks.text(attemptKey, "AuthorizationRequest.attemptKey", 128);
        Checks.text(orderId, "AuthorizationRequest.orderId", 64);
        PaymentMethodCodes.check(methodCode, "AuthorizationRequest.methodCode");
        Checks.positive(amount, "AuthorizationRequest.amount");
        Checks.required(customer, "AuthorizationRequest.customer");
        Checks.optionalText(paymentToken, "AuthorizationRequest.paymentToken", 4096);
        Checks.optionalText(providerSessionId, "AuthorizationRequest.providerSessionId", 128);
    }
}
