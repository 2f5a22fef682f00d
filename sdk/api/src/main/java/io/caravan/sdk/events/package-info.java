/**
 * Order events for plugins that react in their own provider to what happens to orders (notify a
 * warehouse when an order is released, send a CRM event when it is placed).
 *
 * <p>Events leave the platform through a transactional outbox: an event exists only if the order
 * change committed, it is delivered at least once and in sequence order per order, and its event
 * id is the dedup key. Money, points and commissions are not moved from events: they have their
 * own ledger points, which the platform calls (see {@link io.caravan.sdk.events.OrderEventListener}).
 */
@Export
@Version("1.0.0")
package io.caravan.sdk.events;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
