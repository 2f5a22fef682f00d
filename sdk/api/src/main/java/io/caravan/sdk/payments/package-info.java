/**
 * Payment plugins: which methods a checkout can offer, and the life of a payment at the provider
 * (authorize, capture, void, refund), plus the provider's asynchronous notifications.
 *
 * <p>One interface per capability, so a provider that cannot void simply does not provide
 * {@link io.caravan.sdk.payments.PaymentVoider}. Every operation that moves money carries an
 * idempotency key chosen by the platform: the platform retries and fails over between providers,
 * and a retried call with the same key must never charge twice. Pass the key to the provider where
 * its API accepts one, and record it in plugin storage where it does not.
 *
 * <p>A decline is a {@link io.caravan.sdk.plugin.PluginRejectedException}, not a result: it is an
 * answer, not a failure, and it must not trip the plugin's circuit breaker.
 */
@Export
@Version("1.0.0")
package io.caravan.sdk.payments;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
