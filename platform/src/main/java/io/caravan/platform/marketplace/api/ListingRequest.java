package io.caravan.platform.marketplace.api;

import io.caravan.platform.marketplace.domain.ListingDetails;
import io.caravan.platform.marketplace.domain.Pricing;
import io.caravan.platform.marketplace.domain.PricingModel;
import io.caravan.platform.shared.domain.InvalidInputException;
import io.caravan.platform.shared.domain.InvalidInputException.FieldIssue;
import java.util.ArrayList;
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

    /** The details, or every field at fault (pricing and the rest together). */
    ListingDetails details() {
        List<FieldIssue> issues = new ArrayList<>();
        Pricing checkedPricing = null;
        if (pricing != null) {
            PricingModel model = null;
            try {
                model = PricingModel.valueOf(pricing.model());
            } catch (IllegalArgumentException | NullPointerException e) {
                issues.add(new FieldIssue("pricing.model", "must be FREE, ONE_TIME, SUBSCRIPTION or USAGE"));
            }
            if (model != null) {
                try {
                    checkedPricing = new Pricing(
                            model,
                            pricing.amountMinor(),
                            pricing.currency(),
                            pricing.trialDays() == null ? 0 : pricing.trialDays());
                } catch (InvalidInputException e) {
                    issues.add(pricingIssue(e.getMessage()));
                }
            }
        }
        try {
            ListingDetails details = new ListingDetails(
                    name,
                    summary,
                    descriptions,
                    categories,
                    kinds,
                    countries,
                    pricing != null && checkedPricing == null ? Pricing.free() : checkedPricing,
                    supportEmail,
                    supportUrl);
            if (issues.isEmpty()) {
                return details;
            }
        } catch (InvalidInputException e) {
            issues.addAll(e.fields().isEmpty() ? List.of(new FieldIssue("body", e.getMessage())) : e.fields());
        }
        throw new InvalidInputException(issues);
    }

    /** Pricing's messages start with the field ("pricing.currency must be …"). */
    private static FieldIssue pricingIssue(String message) {
        int space = message.indexOf(' ');
        String head = space < 0 ? message : message.substring(0, space);
        if (head.startsWith("pricing")) {
            String field = head.endsWith(":") ? head.substring(0, head.length() - 1) : head;
            return new FieldIssue(field, message.substring(space + 1));
        }
        return new FieldIssue("pricing", message);
    }
}
