/**
 * Tax plugins: the taxes and duties due on a cart, per line and for shipping, with the rule
 * applied to each amount.
 *
 * <p>One extension point, {@link io.caravan.sdk.tax.TaxCalculator}, returning a
 * {@link io.caravan.sdk.tax.TaxQuote}. Taxes are destination-based and dated: the cart's ship-to
 * country and order date decide the rates and the import regime (EU IOSS and OSS, UK low-value
 * goods, Norway VOEC, AU/NZ/SG low-value GST, duties and their DDP or DAP treatment).
 */
@Export
@Version("1.0.0")
package io.caravan.sdk.tax;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
