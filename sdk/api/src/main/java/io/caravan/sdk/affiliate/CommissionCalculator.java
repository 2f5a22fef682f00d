package io.caravan.sdk.affiliate;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code AFFILIATE_COMMISSIONS}: the commission an attributed order earns (rates
 * per affiliate tier and product category are the plugin's configuration).
 * <ul>
 *   <li><b>Deadline:</b> 2 s by default; off the shopper's path.</li>
 *   <li><b>Idempotency:</b> a computation; the platform records the commission in its ledger, once
 *       per order.</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface CommissionCalculator {

    /**
     * Computes a commission.
     *
     * @param context the per-call context
     * @param request the order and its attribution
     * @return the commission, possibly zero
     */
    Commission calculate(PluginContext context, CommissionRequest request);
}
