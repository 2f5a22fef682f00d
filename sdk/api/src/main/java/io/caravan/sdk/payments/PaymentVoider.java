package io.caravan.sdk.payments;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code PAYMENT_VOIDER}: releases an authorization that will not be captured, when an order
 * is cancelled before shipping.
 * <ul>
 *   <li><b>Deadline:</b> 15 s by default. Off the shopper's path; after a timeout or an
 *       {@link OperationStatus#UNKNOWN} result the platform retries with the same operation key.</li>
 *   <li><b>Idempotency:</b> the request's {@code operationKey} identifies the operation: pass it to
 *       the provider as its idempotency key, so a retry returns the first outcome and never moves
 *       money twice; voiding a captured payment is a {@link OperationStatus#FAILED} result ({@code "already_captured"}): refund it instead.</li>
 *   <li><b>Unknown outcomes:</b> when the plugin cannot tell whether the provider acted it returns
 *       {@link OperationStatus#UNKNOWN}, never a guess.</li>
 *   <li><b>Failure policy:</b> {@code FALLBACK} is refused for this point: an operation belongs to
 *       the provider that holds the payment.</li>
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
