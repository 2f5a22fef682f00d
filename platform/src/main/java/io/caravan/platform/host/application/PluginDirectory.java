package io.caravan.platform.host.application;

import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.sdk.plugin.ExtensionPoint;
import java.util.List;
import java.util.Optional;

/**
 * What the host asks the marketplace: which installations answer a store's extension point for a
 * call, and a release's bundle bytes. Implemented by the marketplace context, so the host knows
 * nothing of listings, installation rows or the store's answering rules.
 */
public interface PluginDirectory {
    /**
     * The store's enabled installations that answer a point for a call with these facts, first
     * choice first: for a single-answer point (tax, membership, affiliate, returns) at most the one
     * the store's answering rules choose; for payments and carriers every provider taking part, in
     * the order of the store's routing rules; for order events and health every provider.
     *
     * @param store the store
     * @param facts what the call is about ({@link RoutingFacts#NONE} when nothing is known)
     */
    List<InstalledPlugin> providers(StoreRef store, ExtensionPoint point, RoutingFacts facts);

    /** The providers for a call about nothing in particular ({@link RoutingFacts#NONE}). */
    default List<InstalledPlugin> providers(StoreRef store, ExtensionPoint point) {
        return providers(store, point, RoutingFacts.NONE);
    }

    /**
     * Why nobody answers a point for these facts, in words for the merchant or storefront (e.g. "the
     * rule for CH named an installation that was disabled"); empty when the store simply has no
     * provider of the point.
     */
    default Optional<String> whyNobodyAnswers(StoreRef store, ExtensionPoint point, RoutingFacts facts) {
        return Optional.empty();
    }

    /** The bundle's bytes, checked against the artifact's SHA-256. */
    byte[] bundle(PluginArtifact artifact);
}
