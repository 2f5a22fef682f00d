package io.caravan.platform.catalog.application;

import io.caravan.platform.catalog.domain.AllocationLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Holds the merchant places by hand (a phone order, goods promised to a wholesale buyer): the
 * same reservations as a checkout's, each in its own transaction. Holders the merchant names are
 * prefixed {@value #PREFIX}, so they never meet a checkout's or an order's id.
 */
@ApplicationScoped
public class ManualReservations {
    public static final String PREFIX = "manual:";

    @Inject
    StockReservations reservations;

    @Transactional
    public List<StockReservations.Held> hold(String storeId, String name, List<AllocationLine> lines, Instant until) {
        return reservations.reserve(storeId, holder(name), lines, until);
    }

    @Transactional
    public int release(String storeId, String name) {
        return reservations.release(storeId, holder(name));
    }

    static String holder(String name) {
        String holder = name == null ? null : PREFIX + name;
        StockReservations.requireHolder(holder);
        return holder;
    }
}
