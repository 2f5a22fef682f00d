package io.caravan.platform.marketplace.api;

import io.caravan.platform.marketplace.application.Catalog;
import io.caravan.runtime.PluginDescriptorReader;
import io.caravan.sdk.plugin.PluginDescriptor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;

/**
 * A plugin as a merchant sees it before installing: what it is and costs, and — from the version a
 * new install gets — exactly what it asks to be allowed (hosts it calls, order events, personal
 * data it reads), what happens when it fails, and the configuration it needs. Its rating is the
 * average of the stores' stars with one decimal (absent until a store rates it) and how many rated.
 */
public record CatalogEntryView(
        String slug,
        String name,
        String summary,
        JsonObject descriptions,
        List<String> categories,
        List<String> kinds,
        List<String> countries,
        ListingView.PricingView pricing,
        String developer,
        String supportEmail,
        String supportUrl,
        String ratingAverage,
        long ratingCount,
        String version,
        Permissions permissions,
        List<InstallationView.ExtensionView> extensions,
        JsonObject configurationSchema,
        List<String> secretFields) {

    /** What installing consents to. */
    public record Permissions(List<String> egressHosts, List<String> events, List<String> data) {}

    static CatalogEntryView of(Catalog.Entry entry) {
        ListingView listing = ListingView.of(entry.listing());
        PluginDescriptor d = PluginDescriptorReader.read(entry.latest().descriptorJson());
        JsonObject schema;
        try (var reader = Json.createReader(new StringReader(d.configurationSchema()))) {
            schema = reader.readObject();
        }
        return new CatalogEntryView(
                listing.slug(),
                listing.name(),
                listing.summary(),
                listing.descriptions(),
                listing.categories(),
                listing.kinds(),
                listing.countries(),
                listing.pricing(),
                listing.developer(),
                listing.supportEmail(),
                listing.supportUrl(),
                entry.listing().rating().average(),
                entry.listing().rating().count(),
                entry.latest().version(),
                new Permissions(
                        d.permissions().egressHosts().stream().sorted().toList(),
                        d.permissions().events().stream()
                                .map(Enum::name)
                                .sorted()
                                .toList(),
                        d.permissions().data().stream().map(Enum::name).sorted().toList()),
                d.extensions().stream()
                        .map(e -> new InstallationView.ExtensionView(
                                e.point().name(), e.failurePolicy().name()))
                        .toList(),
                schema,
                d.secretFields().stream().sorted().toList());
    }
}
