package io.caravan.platform.marketplace.application;

import io.caravan.platform.host.application.InstalledPlugin;
import io.caravan.platform.host.application.PluginArtifact;
import io.caravan.platform.host.application.PluginDirectory;
import io.caravan.platform.host.application.RoutingFacts;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.sdk.plugin.ExtensionPoint;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host's view of installations: each store's enabled installations and answering rules, read
 * once and kept until an installation or a rule of that store changes on this node (invalidated after the change commits, so a
 * concurrent read cannot re-cache the old state). Who answers a call is decided from
 * them by {@link AnsweringResolver}, on every call, without I/O. The change also bumps the
 * {@code installations} revision in its transaction, so that other nodes drop their entries within
 * a second ({@link PluginRevisions}; docs/architecture.md, "Several nodes").
 */
@ApplicationScoped
public class MarketplacePluginDirectory implements PluginDirectory {
    @Inject
    InstallationLookup lookup;

    @Inject
    ArtifactStore artifacts;

    @Inject
    PluginRevisions revisions;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private static final String BUMPED = MarketplacePluginDirectory.class.getName() + ".bumped";

    private final Map<String, StoreAnswering> byStore = new ConcurrentHashMap<>();

    @Override
    public List<InstalledPlugin> providers(StoreRef store, ExtensionPoint point, RoutingFacts facts) {
        return resolve(store, point, facts).answering();
    }

    @Override
    public Optional<String> whyNobodyAnswers(StoreRef store, ExtensionPoint point, RoutingFacts facts) {
        return Optional.ofNullable(resolve(store, point, facts).whyNobody())
                .map(why -> why + "; choose who answers with PUT /api/stores/" + store.slug() + "/answering/"
                        + point.name());
    }

    private AnsweringResolver.Resolution resolve(StoreRef store, ExtensionPoint point, RoutingFacts facts) {
        StoreAnswering answering = byStore.computeIfAbsent(store.id(), id -> lookup.answering(store));
        return AnsweringResolver.resolve(point, answering.rules(point), answering.enabled(), facts);
    }

    @Override
    public byte[] bundle(PluginArtifact artifact) {
        try {
            return artifacts.read(artifact.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundle of " + artifact.location(), e);
        }
    }

    /**
     * Drops the store's entry once the current transaction has ended (at once without one), and
     * bumps the {@code installations} revision in that transaction (once per transaction) so that
     * the other nodes drop theirs.
     */
    public void invalidateAfterCompletion(String storeId) {
        byStore.remove(storeId);
        if (transactions.getTransactionKey() == null) {
            return;
        }
        if (transactions.getResource(BUMPED) == null) {
            revisions.bumpInstallations();
            transactions.putResource(BUMPED, Boolean.TRUE);
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                byStore.remove(storeId);
            }
        });
    }

    /** Drops every store's entry (a release changed status or build). */
    public void invalidateAll() {
        byStore.clear();
    }

    /** How many stores have their installations cached (for the memory benchmark). */
    public int cachedStores() {
        return byStore.size();
    }
}
