package io.caravan.sdk.returns;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code RETURN_AUTHORIZATION}: the store's return policy applied to a case —
 * which lines are accepted and for what resolution, a window longer than the law's, restocking
 * fees where lawful, who pays the return postage, and where the goods go (the nearest warehouse,
 * a returns hub, the origin, or nowhere when shipping back costs more than the goods).
 * <ul>
 *   <li><b>Decides, never books:</b> the platform books the return shipment through the carrier
 *       plugin ({@code CARRIER_RETURN_SHIPMENTS}) once it recorded the decision.</li>
 *   <li><b>The law is a floor:</b> {@link ReturnRequest#statutory()} says what the law of the
 *       shopper's country grants each line; the platform never records a decision that gives less
 *       (a line the law allows, declined, is authorised under the law's rule and the answer names it).</li>
 *   <li><b>Deadline:</b> 5 s by default; the shopper may be waiting.</li>
 *   <li><b>Idempotency:</b> {@link ReturnRequest#returnId()} is the key: a repeated call for the
 *       same case gives the same RMA number.</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface ReturnAuthorizer {

    /**
     * Decides a return case.
     *
     * @param context the per-call context (its clock is "today" for windows)
     * @param request the case
     * @return the decision, one per requested line
     */
    ReturnAuthorization authorize(PluginContext context, ReturnRequest request);
}
