/**
 * Order events: the transactional outbox the store runtime writes an order's events to, in the
 * transaction of the change they describe, and the delivery of each event to every installed
 * {@code ORDER_EVENTS} listener of the store that subscribes to its type — at least once, in
 * sequence order per (order, installation), with exponential back-off, a dead-letter state the
 * merchant and the plugin's developer see, and a dedup key per (event, installation). See
 * docs/architecture.md, "Order events".
 *
 * <p>May use: the application and domain of {@code host} (the store's listeners and the one
 * invoker), {@code marketplace} (a developer's own listings), {@code tenancy} (stores, the request
 * caller, the audit log), {@code identity} (the signed-in developer), {@code shared}, the SDK and
 * the sandbox protocol's JSON mapping of SDK values.
 */
package io.caravan.platform.events;
