package io.caravan.sdk.returns;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code RETURN_ELIGIBILITY}: whether each requested line may be returned, under
 * the law of the shopper's country (withdrawal periods, exempt goods such as personalised or sealed
 * hygiene items) and the store's more generous policy.
 * <ul>
 *   <li><b>Deadline:</b> 2 s by default; the shopper waits for the answer.</li>
 *   <li><b>Idempotency:</b> a decision from the request, configuration and the context's clock;
 *       checking changes nothing.</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface ReturnEligibilityChecker {

    /**
     * Checks a return request.
     *
     * @param context the per-call context (its clock is "today" for windows)
     * @param request the lines the shopper wants to return
     * @return one answer per requested line
     */
    ReturnEligibility check(PluginContext context, ReturnRequest request);
}
