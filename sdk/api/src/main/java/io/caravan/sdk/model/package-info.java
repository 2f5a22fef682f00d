/**
 * The commerce values plugins receive and return: addresses, customers, carts and their lines,
 * orders, parcels.
 *
 * <p>Every type is immutable and validated when built: a record's compact constructor checks each
 * component and copies every collection, so a value that exists is a valid value, and nothing a
 * plugin holds can change under it. An invalid component throws
 * {@link java.lang.IllegalArgumentException} whose message starts with the field, e.g.
 * {@code "LineItem.quantity must be > 0, was 0"}. Optional components are {@code null} when
 * absent, as each one's documentation says.
 *
 * <p>Enums in this package may gain constants in a minor version: a {@code switch} over one
 * needs a {@code default} branch.
 */
@Export
@Version("1.0.0")
package io.caravan.sdk.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
