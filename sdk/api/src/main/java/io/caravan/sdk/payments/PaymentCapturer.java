package io.caravan.sdk.payments;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code PAYMENT_CAPTURER}: captures (part of) an authorized amount, when the order ships or
 * at once for digital goods.
 * <ul>
 *   <li><b>Deadline:</b> 15 s by default. Off the shopper's path; the platform retries failures
 *       with the same idempotency key.</li>
 *   <li><b>Idempotency:</b> a capture already made with the same key returns its result; capturing more than
 *       remains authorized throws {@link io.caravan.sdk.plugin.PluginRejectedException}
 *       ({@code "amount_exceeds_authorization"}).</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface PaymentCapturer {

    /**
     * Captures an amount.
     *
     * @param context the per-call context
     * @param request what to capture
     * @return the outcome
     */
    PaymentOperationResult capture(PluginContext context, CaptureRequest request);
}
