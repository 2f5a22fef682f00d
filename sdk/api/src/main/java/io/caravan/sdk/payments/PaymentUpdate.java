package io.caravan.sdk.payments;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;
import java.time.Instant;

/**
 * One change to one payment, read from a provider notification.
 *
 * @param eventId           the provider's id for the event, the platform's dedup key: providers
 *                          deliver webhooks at least once, and the platform applies each event id
 *                          once; at most 128 characters
 * @param providerReference the provider's payment id, as returned by the authorization; at most 128 characters
 * @param type              what happened
 * @param amount            the amount concerned, or null when the provider does not say; not negative
 * @param occurredAt        when it happened at the provider
 */
public record PaymentUpdate(
        String eventId, String providerReference, PaymentUpdateType type, Money amount, Instant occurredAt) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public PaymentUpdate {
        Checks.text(eventId, "PaymentUpdate.eventId", 128);
        Checks.text(providerReference, "PaymentUpdate.providerReference", 128);
        Checks.required(type, "PaymentUpdate.type");
        if (amount != null) {
            Checks.nonNegative(amount, "PaymentUpdate.amount");
        }
        Checks.required(occurredAt, "PaymentUpdate.occurredAt");
    }
}
