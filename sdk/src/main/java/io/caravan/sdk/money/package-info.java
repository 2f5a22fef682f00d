/**
 * Exact money for plugins: amounts in ISO 4217 minor units, never binary floating point.
 */
@Export
@Version("0.1.0")
package io.caravan.sdk.money;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
