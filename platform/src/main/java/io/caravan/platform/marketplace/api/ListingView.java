package io.caravan.platform.marketplace.api;

import io.caravan.platform.marketplace.domain.Listing;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

/** A listing as its developer and platform admins see it. */
public record ListingView(
        String slug,
        String name,
        String summary,
        JsonObject descriptions,
        List<String> categories,
        List<String> kinds,
        List<String> countries,
        PricingView pricing,
        String supportEmail,
        String supportUrl,
        String developer,
        String symbolicName,
        String status,
        String statusReason,
        Instant createdAt,
        Instant updatedAt) {

    public record PricingView(String model, Long amountMinor, String currency, int trialDays) {}

    static ListingView of(Listing l) {
        JsonObject descriptions;
        try (var reader = Json.createReader(new StringReader(l.descriptionsJson()))) {
            descriptions = reader.readObject();
        }
        return new ListingView(
                l.pluginId(),
                l.name(),
                l.summary(),
                descriptions,
                l.categories(),
                l.kinds(),
                l.countries(),
                new PricingView(
                        l.pricing().model().name(),
                        l.pricing().amountMinor(),
                        l.pricing().currency(),
                        l.pricing().trialDays()),
                l.supportEmail(),
                l.supportUrl(),
                l.developerName(),
                l.symbolicName(),
                l.status().name(),
                l.statusReason(),
                l.createdAt(),
                l.updatedAt());
    }
}
