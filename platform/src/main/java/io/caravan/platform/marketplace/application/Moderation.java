package io.caravan.platform.marketplace.application;

import io.caravan.platform.marketplace.domain.Listing;
import io.caravan.platform.marketplace.domain.ListingRepository;
import io.caravan.platform.marketplace.domain.PluginRelease;
import io.caravan.platform.marketplace.domain.PluginReleaseRepository;
import io.caravan.platform.marketplace.domain.ReleaseStatus;
import io.caravan.platform.shared.domain.InvalidInputException;
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
import java.util.List;
import java.util.logging.Logger;

/**
 * Moderation of plugin versions (not star ratings, see {@link ListingReviews}), the platform admins' side: the review queue, approve or decline with a reason, yank a version
 * from every store, suspend a listing (no new installs).
 */
@ApplicationScoped
public class Moderation {
    private static final Logger LOG = Logger.getLogger(Moderation.class.getName());

    @Inject
    PluginReleaseRepository releases;

    @Inject
    ListingRepository listings;

    @Inject
    StoreRepository stores;

    @Inject
    StoreReleaseMover mover;

    @Inject
    PluginRevisions revisions;

    @Inject
    ModerationTransactions transactions;

    @Inject
    Clock clock;

    /** What a yank did. */
    public record YankResult(PluginRelease release, int storesMoved, int storesDisabled, long millis) {}

    @Transactional
    public List<PluginRelease> queue() {
        return releases.listByStatus(ReleaseStatus.IN_REVIEW);
    }

    @Transactional
    public PluginRelease approve(Actor admin, String releaseId) {
        PluginRelease release = existing(releaseId);
        release.approve(admin.name(), clock.instant());
        return release;
    }

    /**
     * Certifies a version at review (in review or approved): it may then run in the platform's JVM.
     * The change bumps the plugin revision; this node applies it at once, the others when the
     * revision's notification wakes them (or at their next 1 s poll), and each moves the version
     * in-process on its next call.
     */
    public PluginRelease certify(Actor admin, String releaseId) {
        PluginRelease release = transactions.certification(admin, releaseId, true);
        revisions.check();
        LOG.info(() -> "Certified " + release.pluginId() + " " + release.version() + " by " + admin.name());
        return release;
    }

    /** Withdraws a version's certification: it runs in sandbox workers from its next call on. */
    public PluginRelease decertify(Actor admin, String releaseId) {
        PluginRelease release = transactions.certification(admin, releaseId, false);
        revisions.check();
        LOG.info(() -> "Decertified " + release.pluginId() + " " + release.version() + " by " + admin.name());
        return release;
    }

    @Transactional
    public PluginRelease decline(Actor admin, String releaseId, String reason) {
        PluginRelease release = existing(releaseId);
        release.decline(admin.name(), requireReason(reason), clock.instant());
        return release;
    }

    /**
     * Withdraws the version, then moves every store running it (each in its own transaction) and
     * tells every node. A second yank of the same version answers 409.
     */
    public YankResult yank(Actor admin, String releaseId, String reason) {
        long started = System.nanoTime();
        String why = requireReason(reason);
        PluginRelease release = transactions.withdraw(admin, releaseId, why);
        int moved = 0;
        int disabled = 0;
        for (int page = 0; ; page++) {
            Page<Store> batch = transactions.stores(new PageRequest(page, PageRequest.MAX_SIZE));
            for (Store store : batch.items()) {
                switch (mover.moveOff(store.id(), release, why, admin)) {
                    case MOVED -> moved++;
                    case DISABLED -> disabled++;
                    default -> {}
                }
            }
            if ((long) (page + 1) * PageRequest.MAX_SIZE >= batch.total()) {
                break;
            }
        }
        revisions.check();
        long millis = (System.nanoTime() - started) / 1_000_000;
        int m = moved;
        int d = disabled;
        LOG.info(() -> "Yanked " + release.pluginId() + " " + release.version() + " by " + admin.name() + ": " + m
                + " stores moved back, " + d + " disabled, in " + millis + " ms");
        return new YankResult(release, moved, disabled, millis);
    }

    @Transactional
    public Listing suspend(String pluginId, String reason) {
        Listing listing = listing(pluginId);
        listing.suspend(requireReason(reason), clock.instant());
        return listing;
    }

    @Transactional
    public Listing reinstate(String pluginId) {
        Listing listing = listing(pluginId);
        listing.reinstate(clock.instant());
        return listing;
    }

    private Listing listing(String pluginId) {
        return listings.findByPluginId(pluginId)
                .orElseThrow(() -> new NotFoundException("No listing '" + pluginId + "'."));
    }

    private PluginRelease existing(String releaseId) {
        return releases.findById(releaseId)
                .orElseThrow(() -> new NotFoundException("No plugin release " + releaseId + "."));
    }

    static String requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInputException(
                    "reason is required (at most 500 characters): the developer and merchants see it");
        }
        return reason.strip();
    }
}
