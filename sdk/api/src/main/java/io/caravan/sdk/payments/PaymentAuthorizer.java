package io.caravan.sdk.payments;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code PAYMENT_AUTHORIZER}: reserves the order amount with the provider.
 * <ul>
 *   <li><b>Deadline:</b> 15 s by default (provider round trips, risk checks). Past it the platform
 *       may fail over to the store's next provider, which is why idempotency matters.</li>
 *   <li><b>Idempotency:</b> {@link AuthorizationRequest#idempotencyKey()} identifies the attempt;
 *       a repeated call with the same key returns the first outcome and never authorizes twice.
 *       Send the key to the provider (most accept one) or record it in plugin storage with
 *       {@code compareAndSet} before calling the provider.</li>
 *   <li><b>Refusals:</b> a decline, a fraud block or an unsupported method throws
 *       {@link io.caravan.sdk.plugin.PluginRejectedException} with a code such as
 *       {@code "card_declined"}; a provider outage throws
 *       {@link io.caravan.sdk.plugin.PluginUnavailableException}.</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface PaymentAuthorizer {

    /**
     * Authorizes an amount.
     *
     * @param context the per-call context (the store's provider credentials are in its configuration)
     * @param request what to authorize
     * @return where the payment stands
     */
    AuthorizationResult authorize(PluginContext context, AuthorizationRequest request);
}
