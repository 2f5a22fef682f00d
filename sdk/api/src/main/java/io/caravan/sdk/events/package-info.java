/**
 * Order-lifecycle events for plugins that react to what happens to orders (accrue points when an
 * order is paid, reverse a commission when it is refunded, notify a warehouse when it is placed).
 *
 * <p>Events leave the platform through a transactional outbox: an event exists only if the order
 * change committed, and it is delivered at least once. The event id is the dedup key that makes a
 * plugin's effects exactly once.
 */
@Export
@Version("1.0.0")
package io.caravan.sdk.events;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
