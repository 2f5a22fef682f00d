/**
 * Catalog: the store's own catalogue and stock — products and their variants (SKU, prices per
 * currency in minor units, weight, dimensions, HS code, origin, tax category, flags), warehouses
 * (kind, handling days, fulfilment cost, priority, the countries they serve), stock per (variant,
 * warehouse), reservations that expire, the allocation of an order's lines to warehouses by the
 * store's rule, and the CSV import. Everything is store-owned (tenant discriminator and, on
 * PostgreSQL, row-level security). Not to be confused with the marketplace's catalog of plugins.
 *
 * <p>The checkout and order code uses {@code application.CatalogQueries} (what a SKU sells as),
 * {@code application.StockAllocator} (which warehouse ships what) and
 * {@code application.StockReservations} (claims on units, in the caller's transaction).
 *
 * <p>May use: {@code tenancy} (the request caller, access rules, demo stores), the SDK's value
 * types ({@code io.caravan.sdk.model}) and {@code shared}.
 */
package io.caravan.platform.catalog;
