package io.caravan.sdk.affiliate;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code AFFILIATE_REVERSALS}: how much of a commission to take back when its order
 * is refunded (in full, in proportion, or not at all after the programme's lock period).
 * <ul>
 *   <li><b>Deadline:</b> 2 s by default; runs from the refund event, retried on failure.</li>
 *   <li><b>Idempotency:</b> the request carries an idempotency key; the platform applies each key
 *       once, and never reverses more than the original commission in total.</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface CommissionReverser {

    /**
     * Computes a reversal.
     *
     * @param context the per-call context
     * @param request the commission and the refund
     * @return the amount to take back, at most the original commission
     */
    CommissionReversal reverse(PluginContext context, CommissionReversalRequest request);
}
