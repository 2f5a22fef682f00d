package io.caravan.sdk.payments;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code PAYMENT_REFUNDER}: gives back (part of) a captured amount, for a return or a
 * goodwill gesture.
 * <ul>
 *   <li><b>Deadline:</b> 15 s by default. Off the shopper's path; the platform retries failures
 *       with the same idempotency key.</li>
 *   <li><b>Idempotency:</b> a refund already made with the same key returns its result and never pays twice;
 *       refunding more than remains captured throws {@link io.caravan.sdk.plugin.PluginRejectedException}
 *       ({@code "amount_exceeds_capture"}).</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface PaymentRefunder {

    /**
     * Refunds an amount.
     *
     * @param context the per-call context
     * @param request what to refund
     * @return the outcome
     */
    PaymentOperationResult refund(PluginContext context, RefundRequest request);
}
