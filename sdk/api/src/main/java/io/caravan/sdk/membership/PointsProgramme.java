package io.caravan.sdk.membership;

import io.caravan.sdk.plugin.PluginContext;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code MEMBERSHIP_POINTS}: a loyalty programme's rules for points. <b>The plugin
 * proposes, the platform keeps the ledger.</b> Balances, holds, expiries and reversals are entries
 * in the platform's reward ledger (store-owned, keyed, never edited), not plugin storage — so a
 * store that changes loyalty plugin keeps its members' points, and no plugin can move a balance.
 * <ul>
 *   <li><b>Asked:</b> {@link #earn} when an order's payment succeeds, {@link #reward} for an
 *       interaction, {@link #price} at checkout when a member offers points, {@link #reverse} when an
 *       order is refunded or cancelled.</li>
 *   <li><b>Deadline:</b> 2 s by default. {@code price} is on the shopper's path; the others run from
 *       order events and are retried.</li>
 *   <li><b>Idempotency:</b> proposals are computations: the platform keys what it records by (order
 *       or interaction or refund, rule, kind), so a retried or replayed call records nothing twice.
 *       Return the same proposals for the same request.</li>
 *   <li><b>What the platform checks:</b> grants at most {@link PointsGrant#MAX_POINTS} each, one per
 *       rule per answer, available no earlier than the request's {@code now}; a redemption offer no
 *       larger than the points offered and the balance, in the cart's currency, worth no more than the
 *       cart; an adjustment within what its rule granted or what was redeemed. A wrong answer is the
 *       plugin's failure and records nothing.</li>
 *   <li><b>Refusals:</b> {@link io.caravan.sdk.plugin.PluginRejectedException} from {@code price}
 *       ({@code "below_minimum"}, {@code "not_redeemable"}) is shown to the shopper.</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface PointsProgramme {

    /**
     * What an order earns.
     *
     * @param context the per-call context
     * @param request the paid order and the amount that earns, after the store's stacking rule
     * @return the grants, one per rule; empty for none
     */
    List<PointsGrant> earn(PluginContext context, EarnRequest request);

    /**
     * What an interaction earns.
     *
     * @param context the per-call context
     * @param request what the member did
     * @return the grants, one per rule; empty for none
     */
    List<PointsGrant> reward(PluginContext context, InteractionRequest request);

    /**
     * What a member's points are worth on a cart.
     *
     * @param context the per-call context
     * @param request the points offered, the balance and the cart
     * @return how many points to use and the discount they give
     */
    RedemptionOffer price(PluginContext context, RedemptionRequest request);

    /**
     * What a refund does to an order's points (proportional, in full, or nothing after a lock period).
     *
     * @param context the per-call context
     * @param request the refund and the order's ledger entries
     * @return the compensating entries, one per rule; empty for none
     */
    List<PointsAdjustment> reverse(PluginContext context, PointsReversalRequest request);
}
