package io.caravan.platform.marketplace.application;

import io.caravan.platform.marketplace.domain.Listing;
import io.caravan.platform.marketplace.domain.ListingDetails;
import io.caravan.platform.marketplace.domain.ListingRepository;
import io.caravan.platform.marketplace.domain.PluginRelease;
import io.caravan.platform.marketplace.domain.PluginReleaseRepository;
import io.caravan.platform.marketplace.domain.Pricing;
import io.caravan.platform.marketplace.domain.ReleaseStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The marketplace's platform-owned repositories in memory, the revision and directory as
 * recorders of what they were asked to do, and a fixed clock, for unit tests of the services.
 */
final class InMemoryMarketplace {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final Releases releases = new Releases();
    final Listings listings = new Listings();
    final List<String> signals = new ArrayList<>();

    /** A free listing by developer {@code dev-1} ("Echo", tax, France), added to {@link #listings}. */
    Listing freeListing(String pluginId) {
        Listing listing = new Listing(
                pluginId,
                "dev-1",
                "dev",
                new ListingDetails(
                        "Echo",
                        "Echoes",
                        Map.of("en", "Echoes."),
                        List.of("tax"),
                        List.of("TAX"),
                        List.of("FR"),
                        Pricing.free(),
                        "s@echo.example",
                        null),
                NOW);
        listings.add(listing);
        return listing;
    }

    /** Records bumps and checks; touches no database. */
    final PluginRevisions revisions = new PluginRevisions() {
        @Override
        public void bump() {
            signals.add("bump");
        }

        @Override
        public void check() {
            signals.add("check");
        }
    };

    /** Records invalidations; caches nothing. */
    final MarketplacePluginDirectory directory = new MarketplacePluginDirectory() {
        @Override
        public void invalidateAll() {
            signals.add("invalidateAll");
        }

        @Override
        public void invalidateAfterCompletion(String storeId) {
            signals.add("invalidate " + storeId);
        }
    };

    static final class Releases implements PluginReleaseRepository {
        final List<PluginRelease> all = new ArrayList<>();

        @Override
        public Optional<PluginRelease> findById(String id) {
            return all.stream().filter(r -> r.id().equals(id)).findFirst();
        }

        @Override
        public Optional<PluginRelease> find(String pluginId, String version) {
            return all.stream()
                    .filter(r -> r.pluginId().equals(pluginId) && r.version().equals(version))
                    .findFirst();
        }

        @Override
        public List<PluginRelease> list(String pluginId) {
            return all.stream().filter(r -> r.pluginId().equals(pluginId)).toList();
        }

        @Override
        public List<PluginRelease> listAll() {
            return List.copyOf(all);
        }

        @Override
        public List<PluginRelease> listByStatus(ReleaseStatus status) {
            return all.stream().filter(r -> r.status() == status).toList();
        }

        @Override
        public List<PluginRelease> listBySymbolicName(String symbolicName) {
            return all.stream()
                    .filter(r -> r.symbolicName().equals(symbolicName))
                    .toList();
        }

        @Override
        public long storedBytesOfDeveloper(String developerId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void add(PluginRelease release) {
            all.add(release);
        }
    }

    static class Listings implements ListingRepository {
        final List<Listing> all = new ArrayList<>();

        @Override
        public Optional<Listing> findByPluginId(String pluginId) {
            return all.stream().filter(l -> l.pluginId().equals(pluginId)).findFirst();
        }

        @Override
        public List<Listing> listByDeveloper(String developerId) {
            return all.stream().filter(l -> l.isOwnedBy(developerId)).toList();
        }

        @Override
        public List<Listing> search(
                String text,
                String kind,
                String country,
                Long maxPriceMinor,
                Integer minRatingTenths,
                int offset,
                int limit) {
            return all.stream().skip(offset).limit(limit).toList();
        }

        @Override
        public void add(Listing listing) {
            all.add(listing);
        }
    }
}
