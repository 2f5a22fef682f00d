/**
 * Billing: what stores owe for the plugins they run and what developers earn. One-time prices at
 * the first install, monthly subscriptions after the trial, usage counted by the host's invoker per
 * completed month; the per-store charges ledger (append-only, one charge per store, plugin, kind
 * and period, so runs are idempotent), developers' earnings after the platform's share, and the
 * hourly billing run.
 *
 * <p>May use: the application and domain of {@code marketplace} (listings and their pricing,
 * installations; it learns of installs through the {@code PluginInstalled} event, the marketplace
 * never calls billing), {@code host} (usage counts), {@code tenancy} (stores, the request caller),
 * {@code identity} (the signed-in developer) and {@code shared}.
 */
package io.caravan.platform.billing;
