package io.caravan.sdk.carriers;

import io.caravan.sdk.plugin.PluginContext;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code CARRIER_RATES}: prices and transit times for parcels from the store's
 * candidate warehouses to a destination.
 * <ul>
 *   <li><b>Deadline:</b> 2 s by default; on the shopper's path. Keep carrier tokens and rate cards
 *       in plugin storage rather than fetching them per quote.</li>
 *   <li><b>Idempotency:</b> a read; must create nothing at the carrier.</li>
 *   <li><b>Refusals:</b> a destination or parcel the carrier does not serve is not an error: leave
 *       it out of the result (an empty list means "cannot ship").</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface RateQuoter {

    /**
     * Quotes the parcels from each candidate warehouse.
     *
     * @param context the per-call context
     * @param request the parcels, origins and destination
     * @return the quotes, any number per origin, in the request's currency
     */
    List<RateQuote> quote(PluginContext context, RateRequest request);
}
