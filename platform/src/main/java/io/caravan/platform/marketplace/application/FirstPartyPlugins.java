package io.caravan.platform.marketplace.application;

import io.caravan.platform.host.application.PluginHost;
import io.caravan.platform.marketplace.domain.ReleaseOrigin;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes the first-party plugin bundles shipped inside the WAR ({@code first-party-plugins/} on
 * the class path, listed in its {@code index.txt}) into the catalog at every start; registering the
 * same bytes again is a no-op, so only a new platform build adds releases.
 */
@ApplicationScoped
public class FirstPartyPlugins {
    public static final int STARTUP_ORDER = PluginHost.STARTUP_ORDER + 1;
    private static final Logger LOG = Logger.getLogger(FirstPartyPlugins.class.getName());
    private static final String FOLDER = "first-party-plugins/";

    @Inject
    ReleaseRegistry registry;

    void publish(@Observes @Priority(STARTUP_ORDER) @Initialized(ApplicationScoped.class) Object ignored) {
        for (String jar : index()) {
            try (InputStream in = resource(FOLDER + jar)) {
                if (in == null) {
                    LOG.severe("First-party plugin " + jar + " is listed in " + FOLDER
                            + "index.txt but missing from the build");
                    continue;
                }
                ReleaseRegistry.Registration registration =
                        registry.register(in.readAllBytes(), ReleaseOrigin.FIRST_PARTY);
                registry.listFirstParty(registration.release());
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, "First-party plugin " + jar + " could not be published", e);
            }
        }
    }

    private static List<String> index() {
        try (InputStream in = resource(FOLDER + "index.txt")) {
            if (in == null) {
                return List.of();
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        return FirstPartyPlugins.class.getClassLoader().getResourceAsStream(name);
    }
}
