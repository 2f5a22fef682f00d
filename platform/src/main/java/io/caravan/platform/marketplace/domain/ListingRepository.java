package io.caravan.platform.marketplace.domain;

import java.util.List;
import java.util.Optional;

/** Listings (platform-owned). */
public interface ListingRepository {
    Optional<Listing> findByPluginId(String pluginId);

    List<Listing> listByDeveloper(String developerId);

    /** Active listings, optionally filtered; text matches name, summary or plugin id. */
    List<Listing> search(String text, String kind, String country, Long maxPriceMinor, int offset, int limit);

    void add(Listing listing);
}
