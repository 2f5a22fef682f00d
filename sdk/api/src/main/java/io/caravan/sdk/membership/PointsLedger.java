package io.caravan.sdk.membership;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code MEMBERSHIP_POINTS}: a customer's points, earned on orders, spent at
 * checkout or on rewards, and reversed when an order is refunded. One capability with the four
 * operations a ledger cannot do without.
 * <ul>
 *   <li><b>Deadline:</b> 2 s by default. Redemption is on the checkout path; accrual and reversal
 *       run from order events and are retried.</li>
 *   <li><b>Idempotency:</b> every write carries an idempotency key; a repeated call with the same
 *       key returns the first call's transaction and moves no points. The platform records key →
 *       outcome for every call it makes. With plugin storage as the ledger, write the key and the
 *       new balance in one {@code compareAndSet} of the customer's ledger entry (the effect and its
 *       record are one write, so a retry finds the key and returns the first transaction); with an
 *       external ledger, pass the key to it as its idempotency key.</li>
 *   <li><b>Refusals:</b> redeeming more than the balance throws
 *       {@link io.caravan.sdk.plugin.PluginRejectedException} ({@code "insufficient_points"}).</li>
 *   <li><b>State:</b> the ledger lives in plugin storage or at the provider, never in fields;
 *       implementations are stateless and thread-safe, one instance serving every store.</li>
 * </ul>
 */
@ConsumerType
public interface PointsLedger {

    /**
     * Adds the points an order earns.
     *
     * @param context the per-call context
     * @param accrual the order and the amount that earns points
     * @return the ledger entry
     */
    PointsTransaction accrue(PluginContext context, PointsAccrual accrual);

    /**
     * Spends points.
     *
     * @param context    the per-call context
     * @param redemption how many points, for what
     * @return the ledger entry, with the points' value
     */
    PointsTransaction redeem(PluginContext context, PointsRedemption redemption);

    /**
     * Reverses an order's points after a refund or cancellation.
     *
     * @param context  the per-call context
     * @param reversal the order and how much was refunded
     * @return the ledger entry
     */
    PointsTransaction reverse(PluginContext context, PointsReversal reversal);

    /**
     * A customer's balance.
     *
     * @param context    the per-call context
     * @param customerId the customer
     * @return the balance, zero for a customer the ledger has not seen
     */
    PointsBalance balance(PluginContext context, String customerId);
}
