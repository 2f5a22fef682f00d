package io.caravan.platform.marketplace.application;

import io.caravan.platform.host.application.InstalledPlugin;
import io.caravan.platform.host.application.PluginArtifact;
import io.caravan.platform.marketplace.domain.AnswerRule;
import io.caravan.platform.marketplace.domain.AnsweringRule;
import io.caravan.platform.marketplace.domain.AnsweringRuleRepository;
import io.caravan.platform.marketplace.domain.Installation;
import io.caravan.platform.marketplace.domain.InstallationRepository;
import io.caravan.platform.marketplace.domain.PluginRelease;
import io.caravan.platform.marketplace.domain.PluginReleaseRepository;
import io.caravan.platform.shared.domain.InstallationId;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.runtime.JsonPluginConfiguration;
import io.caravan.sdk.plugin.ExtensionPoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a store's enabled installations as the host calls them, with the store's answering rules
 * (one transaction, one store).
 */
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

    @Inject
    AnsweringRuleRepository rules;

    /**
     * The store's enabled installations (in install order) and its answering rules. Its own
     * transaction: a caller's transaction may be bound to no store, or to this one only.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public StoreAnswering answering(StoreRef store) {
        String storeId = store.id();
        List<InstalledPlugin> result = new ArrayList<>();
        List<Installation> inInstallOrder = new ArrayList<>(installations.list(storeId));
        inInstallOrder.sort(INSTALL_ORDER);
        for (Installation installation : inInstallOrder) {
            if (!installation.isEnabled()) {
                continue;
            }
            Optional<PluginRelease> release =
                    releases.findById(installation.releaseId()).filter(PluginRelease::isInstallable);
            if (release.isEmpty()) {
                continue;
            }
            PluginArtifact artifact = artifacts.of(release.get());
            result.add(new InstalledPlugin(
                    new InstallationId(installation.id()),
                    store,
                    artifact,
                    JsonPluginConfiguration.parse(
                            secrets.merged(storeId, installation),
                            artifact.descriptor().secretFields())));
        }
        Map<ExtensionPoint, List<AnswerRule>> byPoint = new EnumMap<>(ExtensionPoint.class);
        for (AnsweringRule rule : rules.list(storeId)) {
            pointOf(rule.point())
                    .ifPresent(point -> byPoint.computeIfAbsent(point, p -> new ArrayList<>())
                            .add(rule.rule()));
        }
        return new StoreAnswering(result, byPoint);
    }

    /** Install order: the earliest installation first (ties, within a clock tick, by id). */
    static final Comparator<Installation> INSTALL_ORDER =
            Comparator.comparing(Installation::installedAt).thenComparing(Installation::id);

    /** A stored point name; one the SDK no longer has is ignored. */
    static Optional<ExtensionPoint> pointOf(String name) {
        try {
            return Optional.of(ExtensionPoint.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
