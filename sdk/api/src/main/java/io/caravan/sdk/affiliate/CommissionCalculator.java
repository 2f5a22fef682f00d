package io.caravan.sdk.affiliate;

import io.caravan.sdk.plugin.PluginContext;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code AFFILIATE_COMMISSIONS}: the commissions an attributed order earns (rates
 * per affiliate tier and product category, levels of a referral chain, the approval period are the
 * plugin's configuration). <b>The plugin proposes, the platform keeps the ledger</b>: accruals,
 * approvals, payouts and reversals are the platform's entries, never plugin storage.
 * <ul>
 *   <li><b>Deadline:</b> 2 s by default; off the shopper's path, from the order's payment event.</li>
 *   <li><b>Idempotency:</b> a computation; the platform keys what it records by (order,
 *       affiliate, level, rule), so a replayed event records nothing twice.</li>
 *   <li><b>What the platform checks:</b> each proposal's lines are lines of the order, within their
 *       commissionable amounts, in the order's currency, one proposal per (affiliate, level, rule); a
 *       wrong answer records nothing and is the plugin's failure.</li>
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
     * @return the proposals; empty for none
     */
    List<CommissionProposal> calculate(PluginContext context, CommissionRequest request);
}
