/**
 * Commerce: what a store's checkout asks the platform, answered by the store's plugins (today the
 * tax quote, through the host's invoker).
 *
 * <p>May use: the application and domain of {@code tenancy} (the store and its caller) and
 * {@code host} (the installed plugin and the invoker), {@code shared}, and the SDK.
 */
package io.caravan.platform.commerce;
