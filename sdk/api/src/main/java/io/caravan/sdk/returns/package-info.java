/**
 * Returns plugins: whether lines of an order may be returned, the return authorisation (RMA) with
 * where to send the goods, and the refund the returned goods earn.
 *
 * <p>A merchant's return policy may be more generous than the law of the shopper's country, never
 * less: an eligibility answer names the rule (legal minimum or store policy) that decided it.
 */
@Export
@Version("1.0.0")
package io.caravan.sdk.returns;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
