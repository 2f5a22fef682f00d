package io.caravan.platform.marketplace.application;

import io.caravan.platform.marketplace.domain.Installation;
import io.caravan.platform.marketplace.domain.InstallationRepository;
import io.caravan.platform.marketplace.domain.PluginRelease;
import io.caravan.platform.marketplace.domain.PluginReleaseRepository;
import io.caravan.platform.shared.domain.InvalidInputException;
import io.caravan.platform.tenancy.domain.Actor;
import io.caravan.platform.tenancy.domain.AuditEntry;
import io.caravan.platform.tenancy.domain.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * Moves one store off a withdrawn version, in a transaction of that store only: back to the
 * version it ran before when that one is still approved and accepts the store's configuration,
 * otherwise the installation is disabled with the reason, which the merchant sees on it and in the
 * audit trail.
 */
@ApplicationScoped
public class StoreReleaseMover {
    /** What happened to one store. */
    public enum Outcome {
        NOT_AFFECTED,
        MOVED,
        DISABLED
    }

    @Inject
    InstallationRepository installations;

    @Inject
    PluginReleaseRepository releases;

    @Inject
    ReleaseArtifacts artifacts;

    @Inject
    InstallationSecrets secrets;

    @Inject
    MarketplacePluginDirectory directory;

    @Inject
    AuditLog audit;

    @Inject
    AnsweringRules answering;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome moveOff(String storeId, PluginRelease withdrawn, String reason, Actor actor) {
        Optional<Installation> found = installations
                .findByPlugin(storeId, withdrawn.pluginId())
                .filter(i -> i.releaseId().equals(withdrawn.id()));
        if (found.isEmpty()) {
            return Outcome.NOT_AFFECTED;
        }
        Installation installation = found.get();
        String why = withdrawn.pluginId() + " " + withdrawn.version() + " was withdrawn by the platform: " + reason;
        Optional<PluginRelease> previous = Optional.ofNullable(installation.previousReleaseId())
                .flatMap(releases::findById)
                .filter(PluginRelease::isInstallable);
        Outcome outcome = Outcome.DISABLED;
        if (previous.isPresent()) {
            try {
                ConfigurationValidator.Validated valid = artifacts.validConfiguration(
                        previous.get(), installation.configurationJson(), secrets.read(storeId, installation));
                installation.changeRelease(previous.get(), valid.publicJson(), clock.instant());
                secrets.store(storeId, installation, valid.secrets());
                outcome = Outcome.MOVED;
            } catch (InvalidInputException configurationNoLongerFits) {
                installation.disable(
                        why + " (the previous version does not accept the store's configuration)", clock.instant());
            }
        } else {
            installation.disable(why + " (no earlier approved version to return to)", clock.instant());
        }
        audit.record(
                storeId,
                new AuditEntry(
                        actor,
                        outcome == Outcome.MOVED
                                ? "plugin.moved-off-withdrawn-version"
                                : "plugin.disabled-withdrawn-version",
                        withdrawn.pluginId(),
                        outcome == Outcome.MOVED
                                ? why + "; now on " + previous.get().version()
                                : why,
                        clock.instant()));
        if (outcome == Outcome.MOVED) {
            answering.installationChanged(storeId, actor, installation);
        } else {
            answering.withdrawn(storeId, actor, installation, why);
        }
        directory.invalidateAfterCompletion(storeId);
        return outcome;
    }
}
