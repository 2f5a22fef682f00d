package io.caravan.platform.marketplace.application;

import io.caravan.platform.marketplace.domain.Listing;
import io.caravan.platform.marketplace.domain.ListingRepository;
import io.caravan.platform.marketplace.domain.PluginRelease;
import io.caravan.platform.marketplace.domain.Rating;
import io.caravan.platform.shared.domain.InvalidInputException;
import io.caravan.platform.shared.domain.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What merchants can install: active listings with at least one approved version, searchable by
 * text, kind, country, price and rating. Each entry carries the newest approved version, whose descriptor
 * discloses the permissions and the data the plugin reads.
 */
@ApplicationScoped
public class Catalog {
    @Inject
    ListingRepository listings;

    @Inject
    ReleaseRegistry releases;

    /** A listing with the version a new install gets. */
    public record Entry(Listing listing, PluginRelease latest) {}

    @Transactional
    public List<Entry> search(
            String text, String kind, String country, Long maxPriceMinor, String minRating, int page, int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw new InvalidInputException("page must be 0 or more and size 1 to 100");
        }
        if (text != null && text.length() > 100) {
            throw new InvalidInputException("q must be at most 100 characters");
        }
        Integer minRatingTenths = Rating.minimumTenths(minRating);
        List<Entry> entries = new ArrayList<>();
        for (Listing listing : listings.search(
                blankToNull(text),
                blankToNull(kind),
                blankToNull(country),
                maxPriceMinor,
                minRatingTenths,
                page * size,
                size)) {
            releases.latest(listing.pluginId()).ifPresent(latest -> entries.add(new Entry(listing, latest)));
        }
        return entries;
    }

    @Transactional
    public Entry get(String pluginId) {
        Optional<Listing> listing = listings.findByPluginId(pluginId).filter(Listing::isActive);
        Optional<PluginRelease> latest = listing.flatMap(l -> releases.latest(l.pluginId()));
        if (latest.isEmpty()) {
            throw new NotFoundException("No plugin '" + pluginId + "' in the catalog.");
        }
        return new Entry(listing.get(), latest.get());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
