package io.caravan.platform.marketplace.api;

import io.caravan.platform.marketplace.domain.ListingDetails;
import io.caravan.platform.marketplace.domain.Pricing;
import io.caravan.platform.marketplace.domain.PricingModel;
import io.caravan.platform.shared.domain.InvalidInputException;
import java.util.List;
import java.util.Map;

/**
 * A listing as a developer writes it. {@code slug} is the plugin id (only on create).
 * Prices are ISO 4217 minor units: one-time price, monthly price, or price per order handled.
 */
public record ListingRequest(
        String slug,
        String name,
        String summary,
        Map<String, String> descriptions,
        List<String> categories,
        List<String> kinds,
        List<String> countries,
        PricingRequest pricing,
        String supportEmail,
        String supportUrl) {

    public record PricingRequest(String model, Long amountMinor, String currency, Integer trialDays) {}

    ListingDetails details() {
        if (pricing == null) {
            throw new InvalidInputException("pricing is required (model FREE, ONE_TIME, SUBSCRIPTION or USAGE)");
        }
        PricingModel model;
        try {
            model = PricingModel.valueOf(pricing.model());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("pricing.model must be FREE, ONE_TIME, SUBSCRIPTION or USAGE");
        }
        return new ListingDetails(
                name,
                summary,
                descriptions,
                categories,
                kinds,
                countries,
                new Pricing(
                        model,
                        pricing.amountMinor(),
                        pricing.currency(),
                        pricing.trialDays() == null ? 0 : pricing.trialDays()),
                supportEmail,
                supportUrl);
    }
}
