package io.caravan.platform.marketplace.application;

import io.caravan.platform.marketplace.domain.PluginRelease;
import io.caravan.platform.marketplace.domain.PluginReleaseRepository;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.tenancy.domain.Actor;
import io.caravan.platform.tenancy.domain.Store;
import io.caravan.platform.tenancy.domain.StoreRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** The platform-owned transactions of a yank (each store is moved in its own, by StoreReleaseMover). */
@ApplicationScoped
public class ModerationTransactions {
    @Inject
    PluginReleaseRepository releases;

    @Inject
    StoreRepository stores;

    @Inject
    PluginRevisions revisions;

    @Inject
    MarketplacePluginDirectory directory;

    @Inject
    Clock clock;

    @Transactional
    public PluginRelease withdraw(Actor admin, String releaseId, String reason) {
        PluginRelease release = releases.findById(releaseId)
                .orElseThrow(() -> new NotFoundException("No plugin release " + releaseId + "."));
        release.yank(admin.name(), reason, clock.instant());
        revisions.bump();
        directory.invalidateAll();
        return release;
    }

    /**
     * Certifies or decertifies a version and bumps the plugin revision in the same transaction, so
     * every node drops its cached installations and the version changes tier on its next call.
     */
    @Transactional
    public PluginRelease certification(Actor admin, String releaseId, boolean certified) {
        PluginRelease release = releases.findById(releaseId)
                .orElseThrow(() -> new NotFoundException("No plugin release " + releaseId + "."));
        boolean before = release.certified();
        if (certified) {
            release.certify(admin.name(), clock.instant());
        } else {
            release.decertify(admin.name(), clock.instant());
        }
        if (before != release.certified()) {
            revisions.bump();
        }
        return release;
    }

    @Transactional
    public Page<Store> stores(PageRequest page) {
        return stores.search(null, null, page);
    }
}
