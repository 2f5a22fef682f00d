package io.caravan.platform.marketplace.application;

import io.caravan.platform.host.application.PluginHost;
import io.caravan.platform.marketplace.domain.PluginRelease;
import io.caravan.platform.marketplace.domain.PluginReleaseRepository;
import io.caravan.platform.marketplace.domain.ReleaseOrigin;
import io.caravan.platform.shared.domain.InvalidInputException;
import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.runtime.PluginDescriptorReader;
import io.caravan.sdk.plugin.PluginDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The release registry: the plugin versions this platform can run (not the merchants' catalog, see
 * {@link Catalog}). Registering a bundle stores it by SHA-256 and records its
 * identity and descriptor; the same bytes again are a no-op, other bytes under a published version
 * number are refused (a version is immutable), except development builds in dev mode, which replace
 * their predecessor.
 */
@ApplicationScoped
public class ReleaseRegistry {
    private static final Logger LOG = Logger.getLogger(ReleaseRegistry.class.getName());

    @Inject
    PluginReleaseRepository releases;

    @Inject
    ArtifactStore artifacts;

    @Inject
    PluginHost host;

    @Inject
    MarketplacePluginDirectory directory;

    @Inject
    Clock clock;

    @Inject
    io.caravan.platform.marketplace.domain.ListingRepository listings;

    @Inject
    PluginDataLifecycle data;

    /** What registering did. */
    public record Registration(PluginRelease release, boolean changed) {}

    @Transactional
    public Registration register(byte[] bundle, ReleaseOrigin origin) {
        BundleArchive archive = BundleArchive.read(bundle);
        PluginDescriptor descriptor = PluginDescriptorReader.read(archive.descriptorJson());
        if (!descriptor.version().equals(archive.version())) {
            throw new InvalidInputException("the descriptor's version " + descriptor.version()
                    + " differs from the bundle's Bundle-Version " + archive.version());
        }
        if (!host.acceptsSdkRange(descriptor.sdkRange())) {
            throw new InvalidInputException(descriptor.id() + " " + descriptor.version() + " needs SDK "
                    + descriptor.sdkRange() + "; this platform provides SDK " + host.sdkVersion());
        }
        for (PluginRelease other : releases.list(descriptor.id())) {
            if (!other.symbolicName().equals(archive.symbolicName())) {
                throw new StateConflictException("plugin " + descriptor.id() + " is bundle " + other.symbolicName()
                        + "; this bundle is " + archive.symbolicName());
            }
        }
        String sha256;
        try {
            sha256 = artifacts.put(bundle);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the bundle", e);
        }
        Optional<PluginRelease> existing = releases.find(descriptor.id(), descriptor.version());
        if (existing.isPresent()) {
            PluginRelease release = existing.get();
            if (release.sha256().equals(sha256)) {
                return new Registration(release, false);
            }
            if (origin == ReleaseOrigin.DEVELOPMENT && release.origin() == ReleaseOrigin.DEVELOPMENT) {
                release.replaceDevelopmentBuild(sha256, bundle.length, archive.descriptorJson());
                directory.invalidateAll();
                LOG.info(() -> "Development build of " + descriptor.id() + " " + descriptor.version() + " replaced ("
                        + sha256.substring(0, 12) + ")");
                return new Registration(release, true);
            }
            throw new StateConflictException(descriptor.id() + " " + descriptor.version()
                    + " is already registered with other content (SHA-256 " + release.sha256()
                    + "); a released version is immutable, so give the new build a new version");
        }
        PluginRelease release = new PluginRelease(
                descriptor.id(),
                descriptor.version(),
                archive.symbolicName(),
                sha256,
                bundle.length,
                archive.descriptorJson(),
                origin,
                clock.instant());
        releases.add(release);
        LOG.info(() -> "Registered " + origin.name().toLowerCase() + " plugin " + descriptor.id() + " "
                + descriptor.version() + " (" + sha256.substring(0, 12) + ")");
        return new Registration(release, true);
    }

    /** The developer id first-party listings belong to (not a Keycloak user: nobody edits them through the API). */
    public static final String FIRST_PARTY_DEVELOPER = "caravan-platform";

    /** Puts a first-party plugin in the catalog (free, all countries) unless its listing exists. */
    @Transactional
    public void listFirstParty(PluginRelease release) {
        if (listings.findByPluginId(release.pluginId()).isPresent()) {
            return;
        }
        data.listed(release.pluginId());
        io.caravan.sdk.plugin.PluginDescriptor d = PluginDescriptorReader.read(release.descriptorJson());
        listings.add(new io.caravan.platform.marketplace.domain.Listing(
                release.pluginId(),
                FIRST_PARTY_DEVELOPER,
                "Caravan",
                new io.caravan.platform.marketplace.domain.ListingDetails(
                        d.name(),
                        d.name() + " — built and supported by Caravan",
                        java.util.Map.of(
                                "en", d.name() + ", maintained by the Caravan team and shipped with the platform."),
                        java.util.List.of("first-party"),
                        d.kinds().stream().map(Enum::name).toList(),
                        java.util.List.of("*"),
                        io.caravan.platform.marketplace.domain.Pricing.free(),
                        "support@caravan.example",
                        null),
                clock.instant()));
    }

    @Transactional
    public List<PluginRelease> releases() {
        return releases.listAll();
    }

    @Transactional
    public Optional<PluginRelease> release(String releaseId) {
        return releases.findById(releaseId);
    }

    /** The newest installable version of a plugin, by OSGi version order. */
    @Transactional
    public Optional<PluginRelease> latest(String pluginId) {
        return releases.list(pluginId).stream()
                .filter(PluginRelease::isInstallable)
                .max(Comparator.comparing(PluginRelease::version, ReleaseRegistry::compareVersions));
    }

    /** OSGi version order: numeric major, minor, micro, then the qualifier as text. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.", 4);
        String[] y = b.split("\\.", 4);
        for (int i = 0; i < 3; i++) {
            int c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return (x.length > 3 ? x[3] : "").compareTo(y.length > 3 ? y[3] : "");
    }
}
