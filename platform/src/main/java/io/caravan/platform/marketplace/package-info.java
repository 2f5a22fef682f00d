/**
 * The marketplace: developers' listings and checked uploads, their review and release, the catalog,
 * installations in stores with consent and configuration, yanking a release from every store,
 * ratings and reviews. Installing fires {@code domain.PluginInstalled}; billing (its own context) listens.
 *
 * <p>May use: the application and domain of {@code tenancy} (stores, the request caller),
 * {@code host} (loading and calling plugins), {@code identity} (the signed-in user) and
 * {@code validation} (the upload checks),
 * {@code shared}, and the SDK.
 */
package io.caravan.platform.marketplace;
