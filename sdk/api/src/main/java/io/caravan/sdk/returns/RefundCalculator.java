package io.caravan.sdk.returns;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code RETURN_REFUNDS}: the refund returned goods earn, from their condition, the
 * reason, the store's policy and the law (e.g. the EU rule that the original standard shipping is
 * refunded on withdrawal).
 * <ul>
 *   <li><b>Deadline:</b> 2 s by default; runs when the inspection is recorded.</li>
 *   <li><b>Idempotency:</b> a computation; the platform pays the refund through the payment
 *       plugin, once per return case.</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface RefundCalculator {

    /**
     * Computes a refund.
     *
     * @param context the per-call context
     * @param request the order and the inspected goods
     * @return the refund, in the order's currency
     */
    RefundBreakdown calculate(PluginContext context, RefundCalculationRequest request);
}
