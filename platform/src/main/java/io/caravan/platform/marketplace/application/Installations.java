package io.caravan.platform.marketplace.application;

import io.caravan.platform.host.application.PluginHost;
import io.caravan.platform.marketplace.domain.Installation;
import io.caravan.platform.marketplace.domain.InstallationRepository;
import io.caravan.platform.marketplace.domain.PluginRelease;
import io.caravan.platform.marketplace.domain.PluginReleaseRepository;
import io.caravan.platform.shared.domain.InstallationId;
import io.caravan.platform.shared.domain.InvalidInputException;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.platform.tenancy.application.StoreContext;
import io.caravan.platform.tenancy.domain.AuditEntry;
import io.caravan.platform.tenancy.domain.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A store's plugin installations: install, configure, upgrade, roll back, enable, disable,
 * uninstall. Every change is one transaction on the store's rows, audited, and reaches the host
 * when it commits: the store's next call runs the new version or configuration, no restart and no
 * effect on any other store. (The marketplace issue adds consent, review state and billing on top;
 * it uses this same model.)
 */
@ApplicationScoped
public class Installations {
    @Inject
    InstallationRepository installations;

    @Inject
    PluginReleaseRepository releases;

    @Inject
    ReleaseRegistry registry;

    @Inject
    ReleaseArtifacts artifacts;

    @Inject
    MarketplacePluginDirectory directory;

    @Inject
    PluginHost host;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    InstallationSecrets secrets;

    @Inject
    PluginDataLifecycle data;

    @Inject
    io.caravan.platform.marketplace.domain.ListingRepository listings;

    @Inject
    AnsweringRules answering;

    /** Observed by billing (a charge due at install) in this transaction; the marketplace does not know it. */
    @Inject
    jakarta.enterprise.event.Event<io.caravan.platform.marketplace.domain.PluginInstalled> installed;

    /** The platform installs on a store's behalf (admin, demo, dev folder): consent is the platform's. */
    @Transactional
    public InstallationDetails install(StoreContext store, String pluginId, String version, String configuration) {
        return install(store, pluginId, version, configuration, null);
    }

    /**
     * A merchant installs: {@code consent} must cover every permission the version declares.
     * Null consent means the platform itself installs (see the overload).
     */
    @Transactional
    public InstallationDetails install(
            StoreContext store, String pluginId, String version, String configuration, Consent consent) {
        requirePluginId(pluginId);
        if (installations.findByPlugin(store.storeId(), pluginId).isPresent()) {
            throw new StateConflictException("store '" + store.slug() + "' already has " + pluginId
                    + " installed; upgrade, reconfigure or uninstall it instead");
        }
        PluginRelease release = release(pluginId, version);
        requireListed(release);
        io.caravan.sdk.plugin.Permissions declared =
                artifacts.of(release).descriptor().permissions();
        if (consent != null) {
            consent.requireCovers(declared, "installing " + pluginId + " " + release.version());
        }
        ConfigurationValidator.Validated valid = artifacts.validConfiguration(release, configuration, Map.of());
        Installation installation =
                new Installation(release, valid.publicJson(), store.actor().name(), clock.instant());
        installation.recordConsent(Consent.to(declared).toJson());
        listings.findByPluginId(pluginId)
                .ifPresent(listing -> installed.fire(new io.caravan.platform.marketplace.domain.PluginInstalled(
                        store.storeId(), listing, installation, clock.instant())));
        secrets.store(store.storeId(), installation, valid.secrets());
        installations.add(store.storeId(), installation);
        data.installed(store.storeId(), pluginId);
        // never takes over a point someone answers; becomes the default of a point nobody answers
        answering.installationChanged(store.storeId(), store.actor(), installation);
        record(store, "plugin.installed", pluginId, release.version());
        return details(store, installation);
    }

    @Transactional
    public InstallationDetails upgrade(StoreContext store, String pluginId, String version, String configuration) {
        return upgrade(store, pluginId, version, configuration, null, true);
    }

    /**
     * Moves to another version. A merchant ({@code platform=false}) must consent again when the
     * target asks for more than the store consented to before.
     */
    @Transactional
    public InstallationDetails upgrade(
            StoreContext store,
            String pluginId,
            String version,
            String configuration,
            Consent consent,
            boolean platform) {
        Installation installation = existing(store, pluginId);
        PluginRelease from = releases.findById(installation.releaseId()).orElseThrow();
        PluginRelease target = release(pluginId, version);
        io.caravan.sdk.plugin.Permissions declared =
                artifacts.of(target).descriptor().permissions();
        Consent given = Consent.fromJson(installation.consentedPermissions());
        if (consent != null) {
            given = given.plus(consent);
        }
        if (!platform) {
            given.requireCovers(declared, "moving to " + pluginId + " " + target.version());
        }
        installation.recordConsent(given.plus(Consent.to(declared)).toJson());
        ConfigurationValidator.Validated valid = artifacts.validConfiguration(
                target,
                configuration != null ? configuration : installation.configurationJson(),
                secrets.read(store.storeId(), installation));
        installation.changeRelease(target, valid.publicJson(), clock.instant());
        secrets.store(store.storeId(), installation, valid.secrets());
        answering.installationChanged(store.storeId(), store.actor(), installation);
        record(store, "plugin.version-changed", pluginId, from.version() + " -> " + target.version());
        return details(store, installation);
    }

    @Transactional
    public InstallationDetails rollBack(StoreContext store, String pluginId) {
        Installation installation = existing(store, pluginId);
        if (installation.previousReleaseId() == null) {
            throw new StateConflictException(
                    pluginId + " has no earlier version to roll back to in store '" + store.slug() + "'");
        }
        PluginRelease from = releases.findById(installation.releaseId()).orElseThrow();
        PluginRelease previous =
                releases.findById(installation.previousReleaseId()).orElseThrow();
        // the configuration stays; it must still satisfy the older schema
        ConfigurationValidator.Validated valid = artifacts.validConfiguration(
                previous, installation.configurationJson(), secrets.read(store.storeId(), installation));
        installation.rollBack(previous, clock.instant());
        installation.reconfigure(valid.publicJson(), clock.instant());
        secrets.store(store.storeId(), installation, valid.secrets());
        answering.installationChanged(store.storeId(), store.actor(), installation);
        record(store, "plugin.rolled-back", pluginId, from.version() + " -> " + previous.version());
        return details(store, installation);
    }

    @Transactional
    public InstallationDetails configure(StoreContext store, String pluginId, String configuration) {
        Installation installation = existing(store, pluginId);
        PluginRelease release = releases.findById(installation.releaseId()).orElseThrow();
        ConfigurationValidator.Validated valid =
                artifacts.validConfiguration(release, configuration, secrets.read(store.storeId(), installation));
        installation.reconfigure(valid.publicJson(), clock.instant());
        secrets.store(store.storeId(), installation, valid.secrets());
        record(store, "plugin.configured", pluginId, null);
        return details(store, installation);
    }

    @Transactional
    public InstallationDetails enable(StoreContext store, String pluginId) {
        Installation installation = existing(store, pluginId);
        installation.enable(clock.instant());
        answering.installationChanged(store.storeId(), store.actor(), installation);
        record(store, "plugin.enabled", pluginId, null);
        return details(store, installation);
    }

    @Transactional
    public InstallationDetails disable(StoreContext store, String pluginId, String reason) {
        if (reason != null && reason.length() > 500) {
            throw new InvalidInputException("reason must be at most 500 characters");
        }
        Installation installation = existing(store, pluginId);
        installation.disable(reason, clock.instant());
        List<String> unanswered = answering.withdrawn(
                store.storeId(),
                store.actor(),
                installation,
                pluginId + " was disabled on " + clock.instant() + (reason == null ? "" : " (" + reason + ")"));
        record(store, "plugin.disabled", pluginId, reason);
        InstallationDetails details = details(store, installation);
        return new InstallationDetails(
                details.installation(),
                details.release(),
                details.previous(),
                details.secretsSet(),
                details.answering().leaving(unanswered));
    }

    /**
     * Uninstalls, keeping the plugin's stored data for the retention period unless {@code
     * purgeDataNow}. The rules that named it stop naming it: the calls it answered answer nobody
     * until the merchant chooses.
     *
     * @return the points whose answering rules named it (they answer nobody where it answered)
     */
    @Transactional
    public List<String> uninstall(StoreContext store, String pluginId, boolean purgeDataNow) {
        Installation installation = existing(store, pluginId);
        List<String> vacated = answering.withdrawn(
                store.storeId(), store.actor(), installation, pluginId + " was uninstalled on " + clock.instant());
        installations.remove(store.storeId(), installation);
        host.forgetInstallation(new InstallationId(installation.id()));
        record(store, "plugin.uninstalled", pluginId, data.uninstalled(store.storeId(), pluginId, purgeDataNow));
        return vacated;
    }

    /**
     * Makes the installation the default answer of every single-answer point it provides (the
     * development loop's stores; see {@link DevPluginFolder}), audited with {@code why}.
     */
    @Transactional
    public InstallationDetails answerByDefault(StoreContext store, String pluginId, String why) {
        Installation installation = existing(store, pluginId);
        answering.answerByDefault(store.storeId(), store.actor(), installation, why);
        directory.invalidateAfterCompletion(store.storeId());
        return details(store, installation);
    }

    @Transactional
    public List<InstallationDetails> list(StoreContext store) {
        return installations.list(store.storeId()).stream()
                .map(i -> details(store, i))
                .toList();
    }

    @Transactional
    public InstallationDetails get(StoreContext store, String pluginId) {
        return details(store, existing(store, pluginId));
    }

    private InstallationDetails details(StoreContext store, Installation installation) {
        PluginRelease release = releases.findById(installation.releaseId()).orElseThrow();
        PluginRelease previous = installation.previousReleaseId() == null
                ? null
                : releases.findById(installation.previousReleaseId()).orElse(null);
        return new InstallationDetails(
                installation,
                release,
                previous,
                secretsSet(store, installation),
                answering.answers(store.storeId(), store.slug(), installation));
    }

    /** Which secret fields hold a value (never the values), so a merchant can tell a key is set. */
    private java.util.Set<String> secretsSet(StoreContext store, Installation installation) {
        if (installation.sealedSecrets() == null) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(secrets.read(store.storeId(), installation).keySet());
    }

    private Installation existing(StoreContext store, String pluginId) {
        requirePluginId(pluginId);
        return installations
                .findByPlugin(store.storeId(), pluginId)
                .orElseThrow(() ->
                        new NotFoundException("Store '" + store.slug() + "' has no installation of " + pluginId + "."));
    }

    private PluginRelease release(String pluginId, String version) {
        if (version == null || version.isBlank()) {
            return registry.latest(pluginId)
                    .orElseThrow(() -> new NotFoundException("No installable version of plugin " + pluginId + "."));
        }
        PluginRelease release = releases.find(pluginId, version)
                .orElseThrow(() -> new NotFoundException("No version " + version + " of plugin " + pluginId + "."));
        if (!release.isInstallable()) {
            throw new StateConflictException(pluginId + " " + version + " is withdrawn"
                    + (release.statusReason() == null ? "" : ": " + release.statusReason()));
        }
        return release;
    }

    /** A suspended listing takes no new installs (running ones continue). */
    private void requireListed(PluginRelease release) {
        listings.findByPluginId(release.pluginId()).filter(l -> !l.isActive()).ifPresent(l -> {
            throw new StateConflictException("listing " + l.pluginId() + " is suspended by the platform"
                    + (l.statusReason() == null ? "" : ": " + l.statusReason()) + "; it takes no new installs");
        });
    }

    private static void requirePluginId(String pluginId) {
        if (pluginId == null || !pluginId.matches("[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*") || pluginId.length() > 64) {
            throw new InvalidInputException(
                    "plugin id must be lower-case words separated by '-' or '.', at most 64 characters");
        }
    }

    private void record(StoreContext store, String action, String pluginId, String detail) {
        audit.record(store.storeId(), new AuditEntry(store.actor(), action, pluginId, detail, clock.instant()));
        directory.invalidateAfterCompletion(store.storeId());
    }
}
