/**
 * What every context may use: the problem documents of the REST edge and their mapper
 * ({@code api}), generic domain types and exceptions such as pages, invalid input, not found and
 * conflicts ({@code domain}), the store-scoped persistence every store-owned table goes through,
 * migrations ({@code persistence}), sealing of secrets ({@code crypto}), health checks and the clock.
 *
 * <p>May use: nothing of any context. Knowing a context would make every context depend on it; a
 * context that needs its failures answered contributes its own
 * {@link io.caravan.platform.shared.api.ProblemTranslation} instead.
 */
package io.caravan.platform.shared;
