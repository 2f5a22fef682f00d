package io.caravan.sdk.payments;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code PAYMENT_STATUS}: where an attempt stands at the provider, looked up by
 * the platform's key. The platform asks it to resolve an {@link AuthorizationStatus#UNKNOWN}
 * outcome (or a timed-out call) before it does anything else with the attempt, and to follow
 * pending payments whose notification is late.
 * <ul>
 *   <li><b>Deadline:</b> 5 s by default; off the shopper's path where possible.</li>
 *   <li><b>Answers:</b> look the payment up by {@link StatusRequest#attemptKey()} (the key sent
 *       as the provider's idempotency key) or by the provider reference when one is known. Return
 *       {@link AuthorizationStatus#NOT_ATTEMPTED} only when the provider definitely has no record
 *       of the key (then the platform may try the next provider), and
 *       {@link AuthorizationStatus#UNKNOWN} whenever it cannot tell (the lookup failed too).
 *       Otherwise return the payment's current state, as {@link PaymentAuthorizer#authorize} would.</li>
 *   <li><b>Idempotency:</b> a read; must change nothing at the provider.</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface PaymentStatusQuery {

    /**
     * Looks an attempt up at the provider.
     *
     * @param context the per-call context
     * @param request the attempt
     * @return where it stands at the provider
     */
    AuthorizationResult status(PluginContext context, StatusRequest request);
}
