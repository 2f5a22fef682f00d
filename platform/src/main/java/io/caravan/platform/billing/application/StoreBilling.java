package io.caravan.platform.billing.application;

import io.caravan.platform.billing.domain.StoreCharge;
import io.caravan.platform.marketplace.domain.Installation;
import io.caravan.platform.marketplace.domain.InstallationRepository;
import io.caravan.platform.marketplace.domain.Listing;
import io.caravan.platform.marketplace.domain.ListingRepository;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import io.caravan.platform.tenancy.domain.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** One store's billing, each call its own transaction bound to that store. */
@ApplicationScoped
public class StoreBilling {
    @Inject
    Billing billing;

    @Inject
    InstallationRepository installations;

    @Inject
    ListingRepository listings;

    @Inject
    StoreScopedPersistence persistence;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void addUsage(String storeId, String pluginId, long calls, Instant at) {
        billing.addUsage(storeId, pluginId, calls, at);
    }

    /**
     * Bills one store as of {@code asOf}. The store's row is locked first (select for update), so
     * concurrent runs for the same store are serialised: the second waits, then sees the first
     * one's charges and adds none. The ledger's unique (store, plugin, kind, period start) stays
     * the last guard.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int bill(String storeId, Instant asOf) {
        if (persistence.platform().find(Store.class, storeId, LockModeType.PESSIMISTIC_WRITE) == null) {
            return 0;
        }
        int charges = 0;
        Set<String> plugins = new TreeSet<>();
        for (Installation installation : installations.list(storeId)) {
            plugins.add(installation.pluginId());
            Optional<Listing> listing = listings.findByPluginId(installation.pluginId());
            if (listing.isPresent()) {
                charges += billing.chargeSubscriptions(storeId, listing.get(), installation, asOf);
            }
        }
        // usage of plugins uninstalled since is still owed
        plugins.addAll(persistence
                .forStore(storeId)
                .createQuery("select distinct u.pluginId from UsageCounter u", String.class)
                .getResultList());
        for (String pluginId : plugins) {
            Optional<Listing> listing = listings.findByPluginId(pluginId);
            if (listing.isPresent()) {
                charges += billing.chargeUsage(storeId, listing.get(), asOf);
            }
        }
        return charges;
    }

    @Transactional
    public List<StoreCharge> ledger(String storeId) {
        return billing.ledger(storeId);
    }
}
