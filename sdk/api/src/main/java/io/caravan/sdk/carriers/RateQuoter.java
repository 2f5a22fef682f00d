package io.caravan.sdk.carriers;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code CARRIER_RATES}: prices and delivery estimates for consignments, each from
 * its warehouse, to a destination.
 * <ul>
 *   <li><b>Deadline:</b> 2 s by default; on the shopper's path. Keep carrier tokens and rate cards
 *       in plugin storage or configuration rather than fetching them per quote.</li>
 *   <li><b>Idempotency:</b> a read; must create nothing at the carrier.</li>
 *   <li><b>What cannot ship is an answer:</b> a destination, weight, size, value or kind of goods
 *       the carrier does not take is a {@link RateExclusion} with its reason, never an exception
 *       and never silence: every consignment gets at least one quote or one exclusion.</li>
 *   <li><b>What the platform checks:</b> every quote and exclusion names a consignment of the
 *       request, prices are in the request's currency, quotes expire in the future; it shows the
 *       explanation and the estimate, and flags shipping above 15 % of the goods value to the merchant.</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface RateQuoter {

    /**
     * Quotes each consignment.
     *
     * @param context the per-call context
     * @param request the consignments and destination
     * @return the quotes, any number per consignment, and the exclusions
     */
    RateResult quote(PluginContext context, RateRequest request);
}
