/**
 * Payment plugins: which methods a checkout can offer, and the life of a payment at the provider
 * (session, authorise and resume, status, capture, void, refund), plus the provider's
 * asynchronous notifications.
 *
 * <p><b>Plugins propose, the platform disposes.</b> The platform owns the payment records
 * (authorised, captured, refunded and pending amounts per payment), the order state, routing
 * between providers and idempotency; a plugin answers and calls its provider, and every answer is
 * checked (currency, amount, the installation it came from) before anything is recorded.
 *
 * <p>One interface per capability, so a provider that cannot void simply does not provide
 * {@link io.caravan.sdk.payments.PaymentVoider}. Method codes come from one shared vocabulary
 * ({@link io.caravan.sdk.payments.PaymentMethodCodes}) so a store's routing rule can name a method
 * across providers.
 *
 * <p><b>Keys.</b> Every call that moves money carries the platform's key: an {@code attemptKey}
 * per (payment attempt, provider) for sessions, authorisations and status queries, an
 * {@code operationKey} per capture, void or refund. The platform records key → outcome for every
 * call; pass the key to the provider as its idempotency key, so a retry with the same key gets the
 * provider's first answer.
 *
 * <p><b>Outcomes are results.</b> A decline is a {@link io.caravan.sdk.payments.AuthorizationStatus#DECLINED}
 * result (not an exception), "nothing done" is {@code NOT_ATTEMPTED}, and "do not know" is
 * {@code UNKNOWN}. Only the first two let the platform fail over to another provider; an unknown
 * outcome, an exception or a timeout is resolved by {@link io.caravan.sdk.payments.PaymentStatusQuery}
 * or a notification first, so a shopper is never charged twice. {@code FALLBACK} failure policies
 * are refused on the points that move money.
 */
@Export
@Version("1.0.0")
package io.caravan.sdk.payments;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
