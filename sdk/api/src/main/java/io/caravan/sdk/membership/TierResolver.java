package io.caravan.sdk.membership;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code MEMBERSHIP_TIERS}: the tier a customer belongs in, from spend and activity
 * (the store's tier rules are in the configuration).
 * <ul>
 *   <li><b>Deadline:</b> 500 ms by default; on the shopper's path (account page, checkout).</li>
 *   <li><b>Idempotency:</b> a computation; the same profile and configuration give the same tier,
 *       and resolving changes nothing.</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface TierResolver {

    /**
     * Decides a customer's tier.
     *
     * @param context the per-call context
     * @param profile the customer's buying
     * @return the tier and its benefits
     */
    TierAssignment resolve(PluginContext context, MemberProfile profile);
}
