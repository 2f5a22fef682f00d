/**
 * Carrier plugins: shipping rates for parcels from the store's warehouses, shipments with labels,
 * and tracking through the whole chain including customs.
 *
 * <p>A cross-border store ships from several warehouses (an Asia hub, an overseas warehouse near
 * the shopper); {@link io.caravan.sdk.carriers.RateQuoter} quotes each candidate origin so the
 * store's rule (cheapest or fastest) can choose, and every quote says which warehouse, which
 * service and how long, so the checkout can explain it.
 */
@Export
@Version("1.0.0")
package io.caravan.sdk.carriers;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
