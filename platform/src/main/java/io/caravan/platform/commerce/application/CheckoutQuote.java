package io.caravan.platform.commerce.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a checkout shows, computed by the platform from its own catalogue and the store's
 * plugins, and kept verbatim as the order's price snapshot. Amounts are minor units of
 * {@link #currency()} (the store's); every figure a plugin produced names it ({@link Producer});
 * a part that failed is a {@link Flag}, never a silent zero.
 *
 * @param placeable whether an order may be placed from it now; {@link #blockers()} says why not
 */
public record CheckoutQuote(
        String checkoutId,
        String currency,
        String destination,
        Instant computedAt,
        List<Line> lines,
        List<Consignment> consignments,
        List<Fee> fees,
        Tax tax,
        List<Method> paymentMethods,
        String chosenMethod,
        Totals totals,
        Display display,
        List<Flag> flags,
        boolean placeable,
        List<String> blockers) {

    /** Which installation of which plugin version produced a figure. */
    public record Producer(String installationId, String pluginId, String version) {}

    /**
     * A priced line: the unit price is the catalogue's for the store currency, never the client's.
     *
     * @param consignmentId the consignment (warehouse) that ships it
     */
    public record Line(
            String lineId,
            String sku,
            String productId,
            String variantId,
            String title,
            int quantity,
            long unitPrice,
            long amount,
            long discount,
            long tax,
            String taxCategory,
            List<String> flags,
            String consignmentId) {}

    /**
     * The lines one warehouse ships, and the carriers' options for them.
     *
     * @param allocation why this warehouse (the store's allocation rule and what it found)
     * @param chosenBy   {@code "shopper"} or {@code "default: cheapest"} until the shopper chooses
     */
    public record Consignment(
            String consignmentId,
            String warehouseCode,
            String warehouseName,
            String warehouseKind,
            String shipFromCountry,
            int handlingDays,
            List<Item> items,
            long goodsValue,
            String allocation,
            List<ShippingOption> options,
            List<Exclusion> exclusions,
            String chosenOptionId,
            String chosenBy) {}

    /** A quantity of one line this consignment ships (a line may be split across warehouses). */
    public record Item(String lineId, String sku, int quantity) {}

    /** One carrier service for one consignment, as the carrier plugin quoted it. */
    public record ShippingOption(
            String optionId,
            Producer producer,
            String quoteId,
            String serviceCode,
            String serviceName,
            long price,
            int minDays,
            int maxDays,
            LocalDate earliestDelivery,
            LocalDate latestDelivery,
            boolean tracked,
            Instant expiresAt,
            String explanation) {}

    /** A carrier's reason for not offering a service. */
    public record Exclusion(Producer producer, String serviceCode, String reason, String message) {}

    /** A fee added to the order (the cash-on-delivery fee), with who asked for it. */
    public record Fee(String feeId, String kind, String description, long amount, long tax, Producer producer) {}

    /**
     * The tax plugin's answer.
     *
     * @param status ANSWERED, SKIPPED (fail-open plugin failed: flagged), FAILED (fail-closed: the
     *               order cannot be placed), NOT_ASKED (no shipping chosen yet) or NONE (no tax plugin)
     */
    public record Tax(
            String status,
            Producer producer,
            String dutyTreatment,
            long taxAtCheckout,
            long taxOnDelivery,
            long dutiesAtCheckout,
            long dutiesOnDelivery,
            long shippingTax,
            List<String> notices,
            String failure) {}

    /** A way to pay, and the providers that can take it in the order the store's routing gives. */
    /**
     * A payment method the checkout offers.
     *
     * @param providers        the installations that may authorise it, in the store's routing order
     * @param sessionProviders those of them whose client component needs a provider session
     *                         ({@code CLIENT_SESSION}): placed without a payment token, the order's
     *                         attempt there opens a session and the storefront completes it
     */
    public record Method(
            String methodCode,
            String displayName,
            String type,
            long fee,
            Long maximumAmount,
            boolean confirmationRequired,
            List<Producer> providers,
            List<String> sessionProviders) {
        public Method {
            // quotes stored before sessions existed have none
            sessionProviders = sessionProviders == null ? List.of() : List.copyOf(sessionProviders);
        }
    }

    /**
     * The totals in the store currency.
     *
     * @param total             what the shopper is charged at checkout
     * @param payableOnDelivery what the shopper pays the carrier on delivery (DAP duties, import VAT)
     */
    public record Totals(
            long subtotal,
            long discounts,
            long shipping,
            long fees,
            long tax,
            long duties,
            long total,
            long payableOnDelivery) {}

    /**
     * The total shown in the shopper's currency, with the rate that made it; null figures when the
     * store has no rate for the pair ({@code note} says so).
     */
    public record Display(
            String currency,
            Long total,
            String rate,
            Instant rateAsOf,
            String rateSource,
            String rounding,
            String note) {}

    /** Something the shopper or merchant should know: a part that failed, a high shipping share. */
    public record Flag(String code, String message, Producer producer) {}
}
