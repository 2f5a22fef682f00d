package io.caravan.platform.host.infrastructure;

import io.caravan.platform.host.application.InstalledPlugin;
import io.caravan.platform.host.application.PluginServices;
import io.caravan.sdk.plugin.EgressHttp;
import io.caravan.sdk.plugin.PluginStorage;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Storage in the platform database and declared-host egress, lent to each plugin call. */
@ApplicationScoped
public class HostPluginServices implements PluginServices {
    @Inject
    JpaPluginStorage storage;

    @Inject
    Clock clock;

    /** Tests and local development reach plugin stubs on 127.0.0.1 over http; never in production. */
    @Inject
    @ConfigProperty(name = "caravan.plugins.egress.allow-private", defaultValue = "false")
    boolean allowPrivate;

    /**
     * Exactly these private {@code host:port} pairs may be reached (over http or https) by a plugin
     * that declares the host, e.g. the local sandbox payment gateway; off (empty) by default, so a
     * production node stays strict.
     */
    @Inject
    @ConfigProperty(name = "caravan.egress.allowed-private-hosts")
    Optional<String> allowedPrivateHosts;

    private Set<String> namedPrivateHosts = Set.of();

    private final HttpClient client = DeclaredHostsEgress.newClient();

    @PostConstruct
    void readSettings() {
        namedPrivateHosts = DeclaredHostsEgress.parseNamedPrivateHosts(allowedPrivateHosts.orElse(""));
    }

    @Override
    public PluginStorage storage(InstalledPlugin installation) {
        return new DatabasePluginStorage(
                storage,
                clock,
                installation.store().id(),
                installation.pluginId().value());
    }

    @Override
    public int purge(String storeId, String pluginId) {
        return storage.deleteAll(storeId, pluginId);
    }

    @Override
    public EgressHttp egress(InstalledPlugin installation, Instant deadline) {
        return new DeclaredHostsEgress(
                client,
                installation.artifact().descriptor().permissions().egressHosts(),
                deadline,
                clock,
                allowPrivate,
                namedPrivateHosts);
    }
}
