/**
 * Commerce: the store runtime the plugins extend — the checkout quote, order placement with its
 * Idempotency-Key, payment routing, failover and resolution, provider notifications, the merchant's
 * order actions and the order history. Plugins propose, the platform disposes: every answer is
 * checked before anything is recorded.
 *
 * <p>May use: the application and domain of {@code tenancy} (the store and its caller), {@code host}
 * (the installations and the invoker), {@code catalog} (prices, allocation, reservations) and
 * {@code events} (the outbox), {@code shared}, the SDK and the sandbox protocol's JSON mapper (the
 * one mapper for SDK records).
 */
package io.caravan.platform.commerce;
