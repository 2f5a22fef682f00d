package io.caravan.sdk.payments;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code PAYMENT_VOIDER}: releases an authorization that will not be captured, when an order
 * is cancelled before shipping.
 * <ul>
 *   <li><b>Deadline:</b> 15 s by default. Off the shopper's path; the platform retries failures
 *       with the same idempotency key.</li>
 *   <li><b>Idempotency:</b> voiding an authorization already voided returns the same result; voiding a
 *       captured payment throws {@link io.caravan.sdk.plugin.PluginRejectedException}
 *       ({@code "already_captured"}): refund it instead.</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface PaymentVoider {

    /**
     * Voids an authorization.
     *
     * @param context the per-call context
     * @param request what to void
     * @return the outcome
     */
    PaymentOperationResult voidAuthorization(PluginContext context, VoidRequest request);
}
