package io.caravan.sdk.affiliate;

import io.caravan.sdk.plugin.PluginContext;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code AFFILIATE_ATTRIBUTION}: which referral, if any, an order is credited to,
 * under the programme's window and rules (last click, first click, code beats link).
 * <ul>
 *   <li><b>Deadline:</b> 2 s by default; runs after the order is placed, off the shopper's path.</li>
 *   <li><b>Idempotency:</b> a decision from the request and configuration; the same order gives
 *       the same answer, and deciding records nothing (the platform stores the attribution).</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface ReferralAttributor {

    /**
     * Attributes an order.
     *
     * @param context the per-call context
     * @param request the order and its touchpoints
     * @return the attribution, or empty when no touchpoint qualifies
     */
    Optional<Attribution> attribute(PluginContext context, AttributionRequest request);
}
