package io.caravan.platform.marketplace.application;

import io.caravan.platform.marketplace.domain.Installation;
import io.caravan.platform.marketplace.domain.InstallationHealth;
import io.caravan.platform.marketplace.domain.InstallationHealthRepository;
import io.caravan.platform.marketplace.domain.InstallationRepository;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.platform.tenancy.application.StoreContext;
import io.caravan.platform.tenancy.domain.Actor;
import io.caravan.platform.tenancy.domain.AuditEntry;
import io.caravan.platform.tenancy.domain.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The short store-bound transactions of {@link PluginHealthChecks}: claim a check (a lease on the
 * installation's health row; two claims at once conflict on its version and one of them rolls back),
 * record a report under the claim, release a claim that ran nothing. Never open while a plugin runs.
 */
@ApplicationScoped
public class PluginHealthTransactions {
    static final Duration LEASE = Duration.ofSeconds(30);

    /** A check this node may run now. */
    public record Claim(String storeId, String storeSlug, String installationId, String pluginId, String token) {}

    @Inject
    InstallationHealthRepository health;

    @Inject
    InstallationRepository installations;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Claims a check the scan found due, if it still is and nobody holds it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claim> claimDue(InstallationHealthRepository.Due due, Duration afterChange) {
        Instant now = clock.instant();
        Optional<Installation> installation = installations.findById(due.storeId(), due.installationId());
        if (installation.isEmpty()
                || !installation.get().isEnabled()
                || installation.get().updatedAt().plus(afterChange).isAfter(now)) {
            return Optional.empty(); // gone, disabled, or changed again since the scan: the next poll decides
        }
        Optional<InstallationHealth> row = health.find(due.storeId(), due.installationId());
        InstallationHealth h;
        if (row.isEmpty()) {
            h = new InstallationHealth(due.installationId(), now);
            health.add(due.storeId(), h);
        } else {
            h = row.get();
            if (!h.claimable(now, installation.get().updatedAt())) {
                return Optional.empty();
            }
        }
        String token = h.claim(now, LEASE);
        return Optional.of(new Claim(
                due.storeId(),
                due.storeSlug(),
                due.installationId(),
                installation.get().pluginId(),
                token));
    }

    /**
     * What the merchant's "check now" finds: a report younger than {@code minimumInterval} of the
     * installation as it is now ({@code claim} null, {@code running} false), a check running
     * elsewhere ({@code running}), or a claim for a check to run at once.
     */
    public record Now(String installationId, Claim claim, boolean running) {}

    /**
     * Claims the merchant's check of an installation unless a fresh report makes it needless.
     *
     * @throws NotFoundException      when the store has no installation of the plugin
     * @throws StateConflictException when it is disabled (disabled installations are not checked)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Now claimNow(StoreContext store, String pluginId, Duration minimumInterval) {
        Instant now = clock.instant();
        Installation installation = installations
                .findByPlugin(store.storeId(), pluginId)
                .orElseThrow(() ->
                        new NotFoundException("Store '" + store.slug() + "' has no installation of " + pluginId + "."));
        if (!installation.isEnabled()) {
            throw new StateConflictException(
                    pluginId + " is disabled in store '" + store.slug() + "': enable it to check its health");
        }
        InstallationHealth h = health.find(store.storeId(), installation.id()).orElse(null);
        if (h == null) {
            h = new InstallationHealth(installation.id(), now);
            health.add(store.storeId(), h);
        } else {
            if (h.leased(now)) {
                return new Now(installation.id(), null, true);
            }
            Instant checked = h.checkedAt();
            if (checked != null
                    && !checked.isBefore(installation.updatedAt())
                    && checked.plus(minimumInterval).isAfter(now)) {
                return new Now(installation.id(), null, false);
            }
        }
        return new Now(
                installation.id(),
                new Claim(store.storeId(), store.slug(), installation.id(), pluginId, h.claim(now, LEASE)),
                false);
    }

    /** Records a report under its claim; moving into or out of DOWN goes to the store's audit trail. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(
            Claim claim,
            InstallationHealth.Status status,
            String detail,
            String releaseId,
            String version,
            Instant checked,
            long tookMillis,
            Instant next) {
        Optional<InstallationHealth> row = health.find(claim.storeId(), claim.installationId());
        if (row.isEmpty()) {
            return; // uninstalled while it was checked
        }
        row.get()
                .record(claim.token(), status, detail, releaseId, version, checked, tookMillis, next)
                .ifPresent(transition -> {
                    switch (transition) {
                        case WENT_DOWN -> audit(claim, "plugin.health.down", version + ": " + detail, checked);
                        case RECOVERED -> audit(claim, "plugin.health.recovered", version + ": " + status, checked);
                        case NONE -> {
                            // no change of standing: not worth an audit entry
                        }
                    }
                });
    }

    /** Gives a claim back without a report (the installation went away or could not be read). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(Claim claim, Instant next) {
        health.find(claim.storeId(), claim.installationId()).ifPresent(h -> h.release(claim.token(), next));
    }

    @Transactional
    public Optional<InstallationHealth> find(String storeId, String installationId) {
        return health.find(storeId, installationId);
    }

    @Transactional
    public List<InstallationHealth> list(String storeId) {
        return health.list(storeId);
    }

    private void audit(Claim claim, String action, String detail, Instant at) {
        String text = detail.length() <= 500 ? detail : detail.substring(0, 499) + "…";
        audit.record(claim.storeId(), new AuditEntry(Actor.SYSTEM, action, claim.pluginId(), text, at));
    }
}
