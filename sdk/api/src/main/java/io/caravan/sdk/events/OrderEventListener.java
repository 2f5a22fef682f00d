package io.caravan.sdk.events;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code ORDER_EVENTS}: receives the order events the descriptor subscribes to
 * ({@code permissions.events}).
 *
 * <p><b>One path per effect.</b> A listener is for side effects in the plugin's own provider:
 * send a CRM event, notify a warehouse, post to a marketing tool. Money, points and commission
 * effects never go through a listener: they go through their ledger points
 * ({@code MEMBERSHIP_POINTS}, {@code AFFILIATE_COMMISSIONS}, {@code AFFILIATE_REVERSALS},
 * {@code PAYMENT_REFUNDER}), which the platform calls itself and whose balances it keeps. A plugin
 * that accrued points from a listener as well would apply them twice.
 * <ul>
 *   <li><b>Delivery:</b> at least once, from the platform's transactional outbox, in the background
 *       (never on the shopper's path), in {@link OrderEvent#sequence()} order per order. Returning
 *       normally acknowledges the event.</li>
 *   <li><b>Deadline:</b> 10 s by default.</li>
 *   <li><b>Idempotency:</b> the same event may arrive more than once (a node died after the call,
 *       before the acknowledgement). Pass {@link OrderEvent#eventId()} to the provider as its
 *       idempotency key and let the provider answer a repeat. Without provider idempotency: store a
 *       "started" marker under the event id, act, store the outcome; on a redelivery that finds a
 *       marker without an outcome, ask the provider whether the effect happened instead of skipping
 *       it (skipping a claimed-but-failed event loses it). See "Idempotency" in the SDK guide.</li>
 *   <li><b>Failures:</b> an exception makes the platform redeliver later with back-off, a bounded
 *       number of times, then park the event (dead letter) for the merchant and the developer to
 *       see and retry; later events of the same order wait behind it. A
 *       {@link io.caravan.sdk.plugin.PluginRejectedException} means "this event does not apply" and
 *       is acknowledged, not redelivered.</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface OrderEventListener {

    /**
     * Handles one event.
     *
     * @param context the per-call context
     * @param event   the event
     */
    void onEvent(PluginContext context, OrderEvent event);
}
