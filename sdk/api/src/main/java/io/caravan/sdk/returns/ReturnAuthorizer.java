package io.caravan.sdk.returns;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code RETURN_AUTHORIZATION}: issues the authorisation for an eligible return:
 * its RMA number, where the goods go back (for cross-border returns usually a local hub, to avoid
 * a second customs crossing), a prepaid label where the store offers one.
 * <ul>
 *   <li><b>Deadline:</b> 5 s by default (may book a return label with a carrier).</li>
 *   <li><b>Idempotency:</b> {@link ReturnRequest#returnId()} is the key: a repeated call for the same
 *       return case gives the same RMA number and never books a second label.</li>
 *   <li><b>Refusals:</b> a line that is not eligible throws
 *       {@link io.caravan.sdk.plugin.PluginRejectedException} ({@code "not_eligible"}).</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface ReturnAuthorizer {

    /**
     * Authorises a return.
     *
     * @param context the per-call context
     * @param request the return case
     * @return the authorisation
     */
    ReturnAuthorization authorize(PluginContext context, ReturnRequest request);
}
