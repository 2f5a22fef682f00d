/**
 * Membership (loyalty) plugins: a customer's tier and its benefits, the programme's rules for
 * points (what an order or an interaction earns, what points are worth at checkout, what a refund
 * takes back), and discounts at checkout.
 *
 * <p>Plugins propose, the platform keeps the ledger: every grant, redemption (held at checkout,
 * committed when the payment succeeds, released when it fails), expiry and reversal is an entry in
 * the platform's store-owned reward ledger, keyed so a replay writes nothing, never edited, and
 * kept when the store changes plugin. Balances may go below zero after a reversal.
 */
@Export
@Version("1.0.0")
package io.caravan.sdk.membership;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
