package io.caravan.sdk.payments;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code PAYMENT_AUTHORIZER}: reserves (or takes) the order amount with the
 * provider, and continues after the shopper acted.
 * <ul>
 *   <li><b>Deadline:</b> 15 s by default (provider round trips, risk checks).</li>
 *   <li><b>Idempotency:</b> {@link AuthorizationRequest#attemptKey()} is one key per (payment
 *       attempt, provider): the platform never sends it to another provider, so pass it to the
 *       provider as its idempotency key. A repeated call with the same key (the platform retries
 *       after a timeout) must return the first outcome and never charge twice. A provider without
 *       idempotency support: see "Idempotency" in the SDK guide (store a started marker with the
 *       key before calling, the outcome after; on a repeat with a marker but no outcome, look the
 *       payment up instead of charging or skipping).</li>
 *   <li><b>Results, not exceptions:</b> a decline is a {@link AuthorizationStatus#DECLINED}
 *       result with its {@link Decline} (soft, hard, fraud), and "nothing was done" is
 *       {@link AuthorizationStatus#NOT_ATTEMPTED}; both let the platform fail over to the store's
 *       next provider. When the plugin cannot tell whether the provider acted (a timeout, a lost
 *       answer) it returns {@link AuthorizationStatus#UNKNOWN}, never a guess: the platform then
 *       asks {@link PaymentStatusQuery} or waits for a notification, and never fails over first. An
 *       exception or a timeout of this call is treated exactly like UNKNOWN.</li>
 *   <li><b>Failure policy:</b> {@code FALLBACK} is refused for this point: "the next provider" is
 *       the platform's routing decision, taken only on a definite answer.</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface PaymentAuthorizer {

    /**
     * Authorises an amount.
     *
     * @param context the per-call context (the store's provider credentials are in its configuration)
     * @param request what to authorise
     * @return where the payment stands
     */
    AuthorizationResult authorize(PluginContext context, AuthorizationRequest request);

    /**
     * Continues an authorisation after the shopper acted on an {@link AuthorizationStatus#ACTION_REQUIRED}
     * result (back from a redirect, after a 3-D Secure challenge): asks the provider how the payment
     * stands now. The return parameters are the shopper's browser speaking: verify them with the
     * provider. Same idempotency and result rules as {@link #authorize}.
     *
     * @param context the per-call context
     * @param request the attempt and what the shopper came back with
     * @return where the payment stands now
     */
    AuthorizationResult resume(PluginContext context, ResumeRequest request);
}
