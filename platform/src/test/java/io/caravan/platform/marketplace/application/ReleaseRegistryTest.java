package io.caravan.platform.marketplace.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.host.application.PluginHost;
import io.caravan.platform.marketplace.domain.Listing;
import io.caravan.platform.marketplace.domain.PluginRelease;
import io.caravan.platform.marketplace.domain.Pricing;
import io.caravan.platform.marketplace.domain.ReleaseOrigin;
import io.caravan.platform.shared.domain.InvalidInputException;
import io.caravan.platform.shared.domain.StateConflictException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Registering real bundles (target/test-bundles): a version is immutable (same bytes a no-op,
 * other bytes refused) except a development build, which replaces its predecessor; the SDK range
 * and the symbolic name are checked first. Also: the newest installable version, first-party listings.
 */
class ReleaseRegistryTest {
    static final Path BUNDLES = Path.of(System.getProperty("caravan.test.bundles", "target/test-bundles"));

    final InMemoryMarketplace market = new InMemoryMarketplace();
    final ReleaseRegistry registry = new ReleaseRegistry();
    final List<String> stored = new ArrayList<>();
    final List<String> listed = new ArrayList<>();
    boolean acceptsSdk = true;
    /** When set, every put answers a new hash, as if the bytes were another build. */
    boolean everyBuildDiffers;

    ReleaseRegistryTest() {
        registry.releases = market.releases;
        registry.listings = market.listings;
        registry.directory = market.directory;
        registry.clock = market.clock;
        registry.host = new PluginHost() {
            @Override
            public boolean acceptsSdkRange(String range) {
                return acceptsSdk;
            }

            @Override
            public String sdkVersion() {
                return "9.0.0";
            }
        };
        registry.artifacts = new ArtifactStore() {
            @Override
            public String put(byte[] bundle) throws IOException {
                if (bundle.length == 0) {
                    throw new IOException("disk full");
                }
                String sha = everyBuildDiffers ? sha256(bundle).substring(1) + stored.size() : sha256(bundle);
                stored.add(sha);
                return sha;
            }

            @Override
            public byte[] read(String sha256) {
                throw new UnsupportedOperationException();
            }
        };
        registry.data = new PluginDataLifecycle() {
            @Override
            public void listed(String pluginId) {
                listed.add(pluginId);
            }
        };
    }

    @Test
    void aNewBundleIsStoredAndRecordedWithItsIdentity() throws IOException {
        byte[] bundle = bundle("caravan-test-echo-tax-v1.jar");

        ReleaseRegistry.Registration registration = registry.register(bundle, ReleaseOrigin.UPLOADED);

        PluginRelease release = registration.release();
        assertThat(registration.changed()).isTrue();
        assertThat(release.pluginId()).isEqualTo("test-echo-tax");
        assertThat(release.version()).isEqualTo("1.0.0");
        assertThat(release.symbolicName()).isEqualTo("io.caravan.test.echotax");
        assertThat(release.sha256()).isEqualTo(sha256(bundle));
        assertThat(release.sizeBytes()).isEqualTo(bundle.length);
        assertThat(release.descriptorJson()).contains("\"id\": \"test-echo-tax\"");
        assertThat(release.origin()).isEqualTo(ReleaseOrigin.UPLOADED);
        assertThat(release.registeredAt()).isEqualTo(InMemoryMarketplace.NOW);
        assertThat(registry.releases()).containsExactly(release);
        assertThat(registry.release(release.id())).containsSame(release);
    }

    @Test
    void theSameBytesAgainChangeNothing() throws IOException {
        byte[] bundle = bundle("caravan-test-echo-tax-v1.jar");
        PluginRelease first =
                registry.register(bundle, ReleaseOrigin.FIRST_PARTY).release();

        ReleaseRegistry.Registration again = registry.register(bundle, ReleaseOrigin.FIRST_PARTY);

        assertThat(again.changed()).isFalse();
        assertThat(again.release()).isSameAs(first);
        assertThat(registry.releases()).hasSize(1);
    }

    @Test
    void otherBytesUnderARegisteredVersionAreRefused() throws IOException {
        byte[] bundle = bundle("caravan-test-echo-tax-v1.jar");
        PluginRelease first = registry.register(bundle, ReleaseOrigin.UPLOADED).release();
        everyBuildDiffers = true;

        assertThatThrownBy(() -> registry.register(bundle, ReleaseOrigin.UPLOADED))
                .isInstanceOf(StateConflictException.class)
                .hasMessage("test-echo-tax 1.0.0 is already registered with other content (SHA-256 " + first.sha256()
                        + "); a released version is immutable, so give the new build a new version");
        assertThatThrownBy(() -> registry.register(bundle, ReleaseOrigin.DEVELOPMENT))
                .as("a development build does not replace an upload")
                .isInstanceOf(StateConflictException.class);
        assertThat(first.sha256()).isEqualTo(sha256(bundle));
    }

    @Test
    void aDevelopmentBuildReplacesThePreviousDevelopmentBuild() throws IOException {
        byte[] bundle = bundle("caravan-test-echo-tax-v1.jar");
        everyBuildDiffers = true;
        PluginRelease first =
                registry.register(bundle, ReleaseOrigin.DEVELOPMENT).release();
        String firstSha = first.sha256();

        ReleaseRegistry.Registration again = registry.register(bundle, ReleaseOrigin.DEVELOPMENT);

        assertThat(again.changed()).isTrue();
        assertThat(again.release()).isSameAs(first);
        assertThat(first.sha256()).isNotEqualTo(firstSha).isEqualTo(stored.getLast());
        assertThat(registry.releases()).hasSize(1);
        assertThat(market.signals).containsExactly("invalidateAll");
        assertThatThrownBy(() -> registry.register(bundle, ReleaseOrigin.UPLOADED))
                .as("an upload does not replace a development build")
                .isInstanceOf(StateConflictException.class);
    }

    @Test
    void aBundleForAnotherSdkIsRefusedBeforeItIsStored() throws IOException {
        acceptsSdk = false;

        assertThatThrownBy(() -> registry.register(bundle("caravan-test-echo-tax-v1.jar"), ReleaseOrigin.UPLOADED))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("test-echo-tax 1.0.0 needs SDK [1.0,2.0); this platform provides SDK 9.0.0");
        assertThat(stored).isEmpty();
    }

    @Test
    void aPluginKeepsItsSymbolicNameAcrossVersions() throws IOException {
        market.releases.add(new PluginRelease(
                "test-echo-tax", "0.1.0", "io.other", "sha", 1, "{}", ReleaseOrigin.UPLOADED, InMemoryMarketplace.NOW));

        assertThatThrownBy(() -> registry.register(bundle("caravan-test-echo-tax-v2.jar"), ReleaseOrigin.UPLOADED))
                .isInstanceOf(StateConflictException.class)
                .hasMessage("plugin test-echo-tax is bundle io.other; this bundle is io.caravan.test.echotax");
        assertThat(stored).isEmpty();
    }

    @Test
    void aVersionOfTheSameBundleIsAccepted() throws IOException {
        registry.register(bundle("caravan-test-echo-tax-v1.jar"), ReleaseOrigin.UPLOADED);

        PluginRelease v2 = registry.register(bundle("caravan-test-echo-tax-v2.jar"), ReleaseOrigin.UPLOADED)
                .release();

        assertThat(v2.version()).isEqualTo("1.1.0");
        assertThat(registry.releases()).hasSize(2);
    }

    @Test
    void aStoreThatFailsIsAnUncheckedIoFailure() {
        // BundleArchive refuses an empty array before the store is reached: read a real bundle
        // through a store that fails on anything
        registry.artifacts = new ArtifactStore() {
            @Override
            public String put(byte[] bundle) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public byte[] read(String sha256) {
                throw new UnsupportedOperationException();
            }
        };

        assertThatThrownBy(() -> registry.register(bundle("caravan-test-echo-tax-v1.jar"), ReleaseOrigin.UPLOADED))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot store the bundle");
    }

    @Test
    void theLatestVersionIsTheNewestInstallableOneInOsgiOrder() {
        release("1.9.0");
        PluginRelease newest = release("1.10.0");
        release("1.2.3");
        release("2.0.0").yank("ada", "bug", InMemoryMarketplace.NOW);

        assertThat(registry.latest("echo-tax")).containsSame(newest);
        assertThat(registry.latest("nothing")).isEmpty();
    }

    @Test
    void versionsCompareNumericallyThenByQualifier() {
        assertThat(ReleaseRegistry.compareVersions("1.10.0", "1.9.0")).isPositive();
        assertThat(ReleaseRegistry.compareVersions("1.9.0", "1.10.0")).isNegative();
        assertThat(ReleaseRegistry.compareVersions("2.0.0", "1.99.99")).isPositive();
        assertThat(ReleaseRegistry.compareVersions("1.0.2", "1.0.10")).isNegative();
        assertThat(ReleaseRegistry.compareVersions("1.0.0", "1.0.0")).isZero();
        assertThat(ReleaseRegistry.compareVersions("1.0.0.b", "1.0.0.a")).isPositive();
        assertThat(ReleaseRegistry.compareVersions("1.0.0.a", "1.0.0")).isPositive();
        assertThat(ReleaseRegistry.compareVersions("1.0.0", "1.0.0.a")).isNegative();
    }

    @Test
    void aFirstPartyPluginIsListedOnceFreeForEveryCountry() throws IOException {
        PluginRelease tax = registry.register(bundle("caravan-plugin-tax.jar"), ReleaseOrigin.FIRST_PARTY)
                .release();

        registry.listFirstParty(tax);
        registry.listFirstParty(tax);

        assertThat(market.listings.all).hasSize(1);
        Listing listing = market.listings.all.getFirst();
        assertThat(listing.pluginId()).isEqualTo(tax.pluginId());
        assertThat(listing.developerId()).isEqualTo(ReleaseRegistry.FIRST_PARTY_DEVELOPER);
        assertThat(listing.developerName()).isEqualTo("Caravan");
        assertThat(listing.summary()).isEqualTo(listing.name() + " — built and supported by Caravan");
        assertThat(listing.descriptionsJson())
                .contains(listing.name() + ", maintained by the Caravan team and shipped with the platform.");
        assertThat(listing.categories()).containsExactly("first-party");
        assertThat(listing.kinds()).containsExactly("TAX");
        assertThat(listing.countries()).containsExactly("*");
        assertThat(listing.pricing()).isEqualTo(Pricing.free());
        assertThat(listing.supportEmail()).isEqualTo("support@caravan.example");
        assertThat(listing.createdAt()).isEqualTo(InMemoryMarketplace.NOW);
        assertThat(listed).containsExactly(tax.pluginId());
    }

    private PluginRelease release(String version) {
        PluginRelease release = PluginRelease.uploaded(
                "l-1", "echo-tax", version, "io.echo", "sha-" + version, 1, "{}", true, "{}", InMemoryMarketplace.NOW);
        release.submit();
        release.approve("ada", InMemoryMarketplace.NOW);
        market.releases.add(release);
        return release;
    }

    static byte[] bundle(String name) throws IOException {
        return Files.readAllBytes(BUNDLES.resolve(name));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
