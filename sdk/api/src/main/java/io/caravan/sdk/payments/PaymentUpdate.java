package io.caravan.sdk.payments;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;
import java.time.Instant;

/**
 * One change to one payment, read from a verified provider notification.
 *
 * <p><b>How the platform applies it.</b> Once per (type, operationReference, amount): providers
 * deliver at least once, and a replayed notification changes nothing. Only to a payment this
 * installation created (found by {@code providerReference}, or by {@code platformKey}), only in the
 * payment's currency, and only within its amounts (no capture above what is authorised, no refund
 * above what is captured); an update that does not fit is recorded for the merchant and not applied.
 *
 * @param type               what happened
 * @param providerReference  the provider's id of the payment, as returned by the authorisation; at
 *                           most 128 characters
 * @param operationReference the provider's id of this operation (the capture, refund or dispute
 *                           id; the event id when the provider has no operation id): with type
 *                           and amount, the dedup key; at most 128 characters
 * @param platformKey        the attempt key or operation key the platform sent, when the provider
 *                           echoes it, or null; at most 128 characters
 * @param amount             the amount concerned, in the payment's currency; required, greater than zero
 * @param occurredAt         when it happened at the provider
 * @param reason             the provider's reason (decline code, dispute reason), or null; at most 300 characters
 */
public record PaymentUpdate(
        PaymentUpdateType type,
        String providerReference,
        String operationReference,
        String platformKey,
        Money amount,
        Instant occurredAt,
        String reason) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public PaymentUpdate {
        Checks.required(type, "PaymentUpdate.type");
        Checks.text(providerReference, "PaymentUpdate.providerReference", 128);
        Checks.text(operationReference, "PaymentUpdate.operationReference", 128);
        Checks.optionalText(platformKey, "PaymentUpdate.platformKey", 128);
        Checks.positive(amount, "PaymentUpdate.amount");
        Checks.required(occurredAt, "PaymentUpdate.occurredAt");
        Checks.optionalText(reason, "PaymentUpdate.reason", 300);
    }
}
