package io.caravan.platform.marketplace.domain;

import java.util.List;
import java.util.Optional;

/** Listings (platform-owned). */
public interface ListingRepository {
    Optional<Listing> findByPluginId(String pluginId);

    List<Listing> listByDeveloper(String developerId);

    /**
     * Active listings, optionally filtered; text matches name, summary or plugin id; a minimum rating
     * (in tenths: 45 for 4.5) keeps rated listings whose shown average (one decimal, half up) reaches it.
     */
    List<Listing> search(
            String text,
            String kind,
            String country,
            Long maxPriceMinor,
            Integer minRatingTenths,
            int offset,
            int limit);

    void add(Listing listing);
}
