package io.caravan.sdk.returns;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code RETURN_REFUNDS}: proposes the refund returned goods earn, from their
 * condition, the resolution, the store's policy and the law (e.g. the EU rule that the original
 * standard shipping is refunded when the whole order is withdrawn).
 * <ul>
 *   <li><b>Proposes, never pays:</b> the platform caps every line at
 *       {@link PaidLine#remaining()} and the shipping at
 *       {@link RefundCalculationRequest#shippingRemaining()}, records the capped refund once per
 *       return case, and pays it through the payment plugin that took the money (store credit for
 *       {@link ResolutionType#STORE_CREDIT} lines). A proposal above a cap is cut to the cap and
 *       flagged to the merchant, never paid as proposed.</li>
 *   <li><b>Deadline:</b> 2 s by default; runs when the inspection is recorded.</li>
 *   <li><b>Idempotency:</b> a computation from the request and configuration; it changes nothing.</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface RefundCalculator {

    /**
     * Computes a refund.
     *
     * @param context the per-call context
     * @param request the order, the decision, the inspected goods and what was paid and refunded
     * @return the proposed refund, in the order's currency
     */
    RefundBreakdown calculate(PluginContext context, RefundCalculationRequest request);
}
