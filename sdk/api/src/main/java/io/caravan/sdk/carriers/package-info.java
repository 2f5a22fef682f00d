/**
 * Carrier plugins: shipping rates for consignments from the store's warehouses, shipments with
 * labels, and tracking through the whole chain including customs.
 *
 * <p>A cross-border store ships from several warehouses (an Asia hub, an overseas warehouse near
 * the shopper). The platform allocates a cart's lines to warehouses by the store's rule and asks
 * {@link io.caravan.sdk.carriers.RateQuoter} to quote each resulting
 * {@link io.caravan.sdk.carriers.Consignment}; every quote names its consignment, service,
 * delivery estimate (handling included) and expiry, and what cannot ship comes back as a
 * {@link io.caravan.sdk.carriers.RateExclusion} with its reason, so the checkout can explain both.
 * Shipments and tracking are reworked by the fulfilment contracts (issue #14).
 */
@Export
@Version("1.0.0")
package io.caravan.sdk.carriers;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
