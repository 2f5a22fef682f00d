/**
 * Affiliate plugins for KOL / KOC programmes: which referral an order is attributed to, the
 * commission it earns, and the reversal of that commission when the order is refunded.
 *
 * <p>Attribution windows, commission rates per tier or category, and payout rules are the
 * plugin's configuration; payout balances live in plugin storage or at the affiliate network.
 */
@Export
@Version("1.0.0")
package io.caravan.sdk.affiliate;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
