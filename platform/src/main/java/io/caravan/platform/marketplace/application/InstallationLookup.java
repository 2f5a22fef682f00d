package io.caravan.platform.marketplace.application;

import io.caravan.platform.host.application.InstalledPlugin;
import io.caravan.platform.host.application.PluginArtifact;
import io.caravan.platform.marketplace.domain.Installation;
import io.caravan.platform.marketplace.domain.InstallationRepository;
import io.caravan.platform.marketplace.domain.PluginRelease;
import io.caravan.platform.marketplace.domain.PluginReleaseRepository;
import io.caravan.platform.shared.domain.InstallationId;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.runtime.JsonPluginConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a store's enabled installations as the host calls them (one transaction, one store). */
@ApplicationScoped
public class InstallationLookup {
    @Inject
    InstallationRepository installations;

    @Inject
    PluginReleaseRepository releases;

    @Inject
    ReleaseArtifacts artifacts;

    @Inject
    InstallationSecrets secrets;

    /** Its own transaction: a caller's transaction may be bound to no store, or to this one only. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<InstalledPlugin> enabled(StoreRef store) {
        String storeId = store.id();
        List<InstalledPlugin> result = new ArrayList<>();
        java.util.Set<io.caravan.platform.shared.domain.InstallationId> development = new java.util.HashSet<>();
        for (Installation installation : installations.list(storeId)) {
            if (!installation.isEnabled()) {
                continue;
            }
            Optional<PluginRelease> release =
                    releases.findById(installation.releaseId()).filter(PluginRelease::isInstallable);
            if (release.isEmpty()) {
                continue;
            }
            PluginArtifact artifact = artifacts.of(release.get());
            if (release.get().origin() == io.caravan.platform.marketplace.domain.ReleaseOrigin.DEVELOPMENT) {
                development.add(new InstallationId(installation.id()));
            }
            result.add(new InstalledPlugin(
                    new InstallationId(installation.id()),
                    store,
                    artifact,
                    JsonPluginConfiguration.parse(
                            secrets.merged(storeId, installation),
                            artifact.descriptor().secretFields())));
        }
        // first choice first: a development build (only the dev folder's stores run one) before the
        // rest, so the author's new code is what answers there; otherwise the earliest installation
        result.sort(java.util.Comparator.comparing(p -> !development.contains(p.installationId())));
        return result;
    }
}
