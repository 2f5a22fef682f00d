/**
 * Membership (loyalty) plugins: a customer's tier and its benefits, the points ledger (accrual,
 * redemption, reversal on refunds), and discounts at checkout.
 *
 * <p>The ledger's truth lives in plugin storage (or at the loyalty provider), never in plugin
 * memory: each operation carries an idempotency key so retried and concurrent calls move points
 * exactly once.
 */
@Export
@Version("1.0.0")
package io.caravan.sdk.membership;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
