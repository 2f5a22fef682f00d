package io.caravan.platform.commerce.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A cart to quote. Amounts are integers in the currency's minor units (cents, yen); the currency
 * and price display default to the store's settings, the order date to today (UTC). Discounts are
 * given as allocated (per line, on shipping, per fee); the quote taxes the discounted amounts.
 * Product and variant ids default to the SKU.
 */
public record TaxQuoteRequest(
        String currency,
        String prices,
        String orderDate,
        @NotNull @Valid Destination shipTo,
        Long shipping,
        Long shippingDiscount,
        @Valid CustomerRef customer,
        @NotEmpty @Size(max = 200) List<@NotNull @Valid Line> lines,
        @Size(max = 10) List<@NotNull @Valid FeeLine> fees) {

    public record Destination(@NotNull String country, String region, String postalCode, String city) {}

    public record CustomerRef(String id, String email, String country, String tier) {}

    public record FeeLine(
            @NotNull String feeId,
            String kind,
            String description,
            @NotNull Long amount,
            Long discount,
            String taxCategory) {}

    public record Line(
            String lineId,
            String productId,
            String variantId,
            @NotNull String sku,
            String title,
            @NotNull Integer quantity,
            @NotNull Long unitPrice,
            Long discount,
            Long weightGrams,
            String hsCode,
            String origin,
            String shipFrom,
            String taxCategory) {}
}
