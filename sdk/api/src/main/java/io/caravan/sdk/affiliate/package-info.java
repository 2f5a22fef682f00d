/**
 * Affiliate plugins for KOL / KOC programmes: which referral an order is attributed to, the
 * commissions it earns (per line, per level of the referral chain, approvable after the return
 * window), and what a refund takes back.
 *
 * <p>Attribution windows, commission rates per tier or category and approval periods are the
 * plugin's configuration. Plugins propose; the platform keeps the ledger: accruals, approvals,
 * payouts and reversals are its entries, keyed so a replay writes nothing and never edited, and an
 * affiliate's balance may go below zero after a reversal of a paid commission.
 */
@Export
@Version("1.0.0")
package io.caravan.sdk.affiliate;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
