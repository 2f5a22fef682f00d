package io.caravan.sdk.events;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code ORDER_EVENTS}: receives the order events the descriptor subscribes to
 * ({@code permissions.events}).
 * <ul>
 *   <li><b>Delivery:</b> at least once, from the platform's outbox, in the background (never on the
 *       shopper's path). Returning normally acknowledges the event.</li>
 *   <li><b>Deadline:</b> 10 s by default.</li>
 *   <li><b>Idempotency:</b> the same event may arrive more than once; use
 *       {@link OrderEvent#eventId()} as the dedup key, e.g. claim it with
 *       {@code storage().compareAndSet("event/" + eventId, 0, …, ttl)} before acting and pass it
 *       as the idempotency key of any provider call.</li>
 *   <li><b>Failures:</b> an exception makes the platform redeliver later with back-off, a bounded
 *       number of times, then park the event for the merchant; a
 *       {@link io.caravan.sdk.plugin.PluginRejectedException} means "this event does not apply" and
 *       is not redelivered.</li>
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
