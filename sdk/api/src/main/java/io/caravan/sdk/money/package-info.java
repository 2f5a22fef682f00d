/**
 * Exact money for plugins: amounts in ISO 4217 minor units, never binary floating point, and the
 * exchange rate used whenever an amount is shown in another currency.
 *
 * <p>Every amount that crosses the plugin API is a {@link io.caravan.sdk.money.Money}. Rounding
 * happens only where the caller names a {@link java.math.RoundingMode}; currencies never mix
 * without an {@link io.caravan.sdk.money.ExchangeRate}.
 */
@Export
@Version("1.0.0")
package io.caravan.sdk.money;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
