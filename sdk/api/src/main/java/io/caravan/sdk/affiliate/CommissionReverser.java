package io.caravan.sdk.affiliate;

import io.caravan.sdk.plugin.PluginContext;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code AFFILIATE_REVERSALS}: how much commission to take back when its order is
 * refunded (in full, in proportion, or nothing after the programme's lock period).
 * <ul>
 *   <li><b>Deadline:</b> 2 s by default; runs from the refund event, retried on failure.</li>
 *   <li><b>Idempotency:</b> a computation; the platform keys the reversals by (refund, affiliate,
 *       level, rule) and never takes back more than an accrual earned, in total.</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface CommissionReverser {

    /**
     * Computes a reversal.
     *
     * @param context the per-call context
     * @param request the commission and the refund
     * @return what to take back per accrual; empty for nothing
     */
    List<CommissionAdjustment> reverse(PluginContext context, CommissionReversalRequest request);
}
