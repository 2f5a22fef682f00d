package io.caravan.platform.marketplace.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.host.application.PluginHost;
import io.caravan.platform.marketplace.domain.Installation;
import io.caravan.platform.marketplace.domain.InstallationRepository;
import io.caravan.platform.marketplace.domain.InstallationStatus;
import io.caravan.platform.marketplace.domain.Listing;
import io.caravan.platform.marketplace.domain.PluginInstalled;
import io.caravan.platform.marketplace.domain.PluginRelease;
import io.caravan.platform.shared.crypto.SecretBox;
import io.caravan.platform.shared.domain.InstallationId;
import io.caravan.platform.shared.domain.InvalidInputException;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.platform.tenancy.application.StoreContext;
import io.caravan.platform.tenancy.domain.Actor;
import io.caravan.platform.tenancy.domain.AuditEntry;
import io.caravan.platform.tenancy.domain.AuditLog;
import io.caravan.platform.tenancy.domain.StoreRole;
import io.caravan.runtime.PluginDescriptorReader;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * A store's installations with the real descriptors, schema validation and secret sealing of the
 * echo test bundles; repositories, audit, host and data lifecycle are in-memory recorders.
 */
class InstallationsTest {
    static final String PLUGIN = "test-echo-tax";

    final InMemoryMarketplace market = new InMemoryMarketplace();
    final Installations installations = new Installations();
    final AnsweringRules answering = new AnsweringRules();
    final InMemoryAnsweringRules answeringRows = new InMemoryAnsweringRules();
    final Map<String, List<Installation>> rows = new java.util.HashMap<>();
    final List<AuditEntry> audit = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    final List<PluginInstalled> fired = new ArrayList<>();
    final StoreContext store = new StoreContext("s-1", "shop", Actor.user("mara"), StoreRole.OWNER);
    final PluginRelease v1;
    final PluginRelease v2;

    InstallationsTest() throws IOException {
        v1 = release(descriptor("caravan-test-echo-tax-v1.jar"));
        v2 = release(descriptor("caravan-test-echo-tax-v2.jar"));
        installations.installations = new InstallationRepository() {
            List<Installation> of(String storeId) {
                return rows.computeIfAbsent(storeId, id -> new ArrayList<>());
            }

            @Override
            public Optional<Installation> findById(String storeId, String installationId) {
                return of(storeId).stream()
                        .filter(i -> i.id().equals(installationId))
                        .findFirst();
            }

            @Override
            public Optional<Installation> findByPlugin(String storeId, String pluginId) {
                return of(storeId).stream()
                        .filter(i -> i.pluginId().equals(pluginId))
                        .findFirst();
            }

            @Override
            public List<Installation> list(String storeId) {
                return List.copyOf(of(storeId));
            }

            @Override
            public void add(String storeId, Installation installation) {
                of(storeId).add(installation);
            }

            @Override
            public void remove(String storeId, Installation installation) {
                of(storeId).remove(installation);
            }
        };
        installations.releases = market.releases;
        ReleaseRegistry registry = new ReleaseRegistry();
        registry.releases = market.releases;
        installations.registry = registry;
        installations.artifacts = new ReleaseArtifacts();
        installations.directory = market.directory;
        installations.host = new PluginHost() {
            @Override
            public void forgetInstallation(InstallationId installationId) {
                calls.add("forget " + installationId.value());
            }
        };
        installations.audit = new AuditLog() {
            @Override
            public void record(String storeId, AuditEntry entry) {
                calls.add("audit " + storeId);
                audit.add(0, entry);
            }

            @Override
            public Page<AuditEntry> list(String storeId, PageRequest page) {
                throw new UnsupportedOperationException();
            }
        };
        installations.clock = market.clock;
        InstallationSecrets secrets = new InstallationSecrets();
        secrets.box = SecretBox.withKey(Base64.getEncoder().encodeToString(new byte[32]));
        installations.secrets = secrets;
        installations.data = new PluginDataLifecycle() {
            @Override
            public void installed(String storeId, String pluginId) {
                calls.add("installed " + storeId + " " + pluginId);
            }

            @Override
            public String uninstalled(String storeId, String pluginId, boolean purgeNow) {
                return purgeNow ? "purged" : "kept";
            }
        };
        installations.listings = market.listings;
        installations.installed = new Recorder();
        answering.rules = answeringRows;
        answering.installations = installations.installations;
        answering.releases = market.releases;
        answering.artifacts = installations.artifacts;
        answering.directory = market.directory;
        answering.audit = installations.audit;
        answering.clock = market.clock;
        installations.answering = answering;
    }

    @Test
    void anInstallRunsTheVersionWithItsSecretSealedAndIsAudited() {
        InstallationDetails details =
                installations.install(store, PLUGIN, "1.0.0", "{\"label\":\"vat\",\"apiKey\":\"secret-123\"}");

        Installation installation = details.installation();
        assertThat(details.release()).isSameAs(v1);
        assertThat(details.previous()).isNull();
        assertThat(details.secretsSet()).containsExactly("/apiKey");
        assertThat(installation.isEnabled()).isTrue();
        assertThat(installation.installedBy()).isEqualTo("mara");
        assertThat(installation.configurationJson()).contains("vat").doesNotContain("secret-123");
        assertThat(installation.sealedSecrets()).isNotNull().doesNotContain("secret-123");
        assertThat(installations.secrets.read("s-1", installation)).containsEntry("/apiKey", "secret-123");
        assertThat(Consent.fromJson(installation.consentedPermissions()).egressHosts())
                .containsExactly("localhost");
        assertThat(rows.get("s-1")).containsExactly(installation);
        assertThat(calls).contains("installed s-1 " + PLUGIN, "audit s-1");
        AuditEntry entry = audit.getFirst();
        assertThat(entry.action()).isEqualTo("plugin.installed");
        assertThat(entry.target()).isEqualTo(PLUGIN);
        assertThat(entry.detail()).isEqualTo("1.0.0");
        assertThat(market.signals).containsExactly("invalidate s-1");
        assertThat(fired).as("no listing, no charge").isEmpty();
    }

    @Test
    void anInstallOfAListedPluginTellsBilling() {
        Listing listing = listing();

        Installation installation =
                installations.install(store, PLUGIN, "1.0.0", "{}").installation();

        assertThat(fired).hasSize(1);
        PluginInstalled event = fired.getFirst();
        assertThat(event.storeId()).isEqualTo("s-1");
        assertThat(event.listing()).isSameAs(listing);
        assertThat(event.installation()).isSameAs(installation);
        assertThat(event.at()).isEqualTo(InMemoryMarketplace.NOW);
        assertThat(installations.get(store, PLUGIN).secretsSet()).isEmpty();
    }

    @Test
    void withoutAVersionTheLatestIsInstalled() {
        assertThat(installations.install(store, PLUGIN, null, "{}").release()).isSameAs(v2);
        assertThat(installations.list(store))
                .extracting(InstallationDetails::release)
                .containsExactly(v2);
    }

    @Test
    void aPluginIsInstalledOncePerStore() {
        installations.install(store, PLUGIN, "1.0.0", "{}");

        assertThatThrownBy(() -> installations.install(store, PLUGIN, "1.1.0", "{}"))
                .isInstanceOf(StateConflictException.class)
                .hasMessage(
                        "store 'shop' already has test-echo-tax installed; upgrade, reconfigure or uninstall it instead");
        StoreContext other = new StoreContext("s-2", "other", Actor.user("kenji"), StoreRole.OWNER);
        assertThat(installations.install(other, PLUGIN, "1.1.0", "{}").release())
                .isSameAs(v2);
    }

    @Test
    void pluginIdsAreCheckedBeforeAnythingIsLookedUp() {
        for (String bad : new String[] {null, "Echo", "echo--tax", "-echo", "e".repeat(65)}) {
            assertThatThrownBy(() -> installations.install(store, bad, "1.0.0", "{}"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("plugin id must be lower-case words separated by '-' or '.', at most 64 characters");
        }
        assertThatThrownBy(() -> installations.get(store, "e".repeat(64)))
                .as("64 characters is a valid id")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> installations.get(store, "Nope")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void unknownWithdrawnAndMissingVersionsAreRefused() {
        assertThatThrownBy(() -> installations.install(store, PLUGIN, "9.9.9", "{}"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No version 9.9.9 of plugin test-echo-tax.");
        assertThatThrownBy(() -> installations.install(store, "other-plugin", " ", "{}"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No installable version of plugin other-plugin.");
        v1.yank("ada", "leaks data", InMemoryMarketplace.NOW);
        assertThatThrownBy(() -> installations.install(store, PLUGIN, "1.0.0", "{}"))
                .isInstanceOf(StateConflictException.class)
                .hasMessage("test-echo-tax 1.0.0 is withdrawn: leaks data");
        assertThat(rows.getOrDefault("s-1", List.of())).isEmpty();
    }

    @Test
    void aNeverApprovedVersionIsWithdrawnWithoutAReason() {
        PluginRelease passed = PluginRelease.uploaded(
                "l-1",
                PLUGIN,
                "3.0.0",
                "io.caravan.test.echotax",
                "sha-3",
                1,
                v1.descriptorJson(),
                true,
                "{}",
                InMemoryMarketplace.NOW);
        market.releases.add(passed);

        assertThatThrownBy(() -> installations.install(store, PLUGIN, "3.0.0", "{}"))
                .hasMessage("test-echo-tax 3.0.0 is withdrawn");
    }

    @Test
    void aSuspendedListingTakesNoNewInstalls() {
        listing().suspend("malware report", InMemoryMarketplace.NOW);

        assertThatThrownBy(() -> installations.install(store, PLUGIN, "1.0.0", "{}"))
                .isInstanceOf(StateConflictException.class)
                .hasMessage(
                        "listing test-echo-tax is suspended by the platform: malware report; it takes no new installs");
    }

    @Test
    void aMerchantMustConsentToWhatTheVersionDeclares() {
        Consent none = new Consent(Set.of(), Set.of(), Set.of());
        assertThatThrownBy(() -> installations.install(store, PLUGIN, "1.0.0", "{}", none))
                .isInstanceOf(StateConflictException.class)
                .hasMessageStartingWith("installing test-echo-tax 1.0.0 needs your consent to calling [localhost]");
        assertThat(rows.getOrDefault("s-1", List.of())).isEmpty();

        Consent hosts = new Consent(Set.of("localhost"), Set.of(), Set.of());
        assertThat(installations
                        .install(store, PLUGIN, "1.0.0", "{}", hosts)
                        .installation()
                        .isEnabled())
                .isTrue();
    }

    @Test
    void anUpgradeKeepsConfigurationAndSecretsAndRemembersTheVersionBefore() {
        installations.install(store, PLUGIN, "1.0.0", "{\"label\":\"vat\",\"apiKey\":\"secret-123\"}");
        audit.clear();

        InstallationDetails details = installations.upgrade(store, PLUGIN, "1.1.0", null);

        assertThat(details.release()).isSameAs(v2);
        assertThat(details.previous()).isSameAs(v1);
        assertThat(details.installation().configurationJson()).contains("vat");
        assertThat(details.secretsSet()).containsExactly("/apiKey");
        AuditEntry entry = audit.getFirst();
        assertThat(entry.action()).isEqualTo("plugin.version-changed");
        assertThat(entry.detail()).isEqualTo("1.0.0 -> 1.1.0");
    }

    @Test
    void anUpgradeWithAConfigurationReplacesIt() {
        installations.install(store, PLUGIN, "1.0.0", "{\"label\":\"vat\"}");

        InstallationDetails details = installations.upgrade(store, PLUGIN, "1.1.0", "{\"label\":\"gst\"}");

        assertThat(details.installation().configurationJson()).contains("gst").doesNotContain("vat");
    }

    @Test
    void aMerchantMovingToAVersionThatAsksForMoreMustConsentAgain() throws IOException {
        installations.install(store, PLUGIN, "1.0.0", "{}");
        PluginRelease greedy = release(descriptor("caravan-test-echo-tax-v2.jar")
                .replace("\"1.1.0\"", "\"1.2.0\"")
                .replace("[\"localhost\"]", "[\"localhost\", \"api.tax.example\"]"));

        assertThatThrownBy(() -> installations.upgrade(store, PLUGIN, "1.2.0", null, null, false))
                .isInstanceOf(StateConflictException.class)
                .hasMessageStartingWith(
                        "moving to test-echo-tax 1.2.0 needs your consent to calling [api.tax.example]");
        assertThat(installations.get(store, PLUGIN).release()).isSameAs(v1);

        Consent more = new Consent(Set.of("api.tax.example"), Set.of(), Set.of());
        Installation moved =
                installations.upgrade(store, PLUGIN, "1.2.0", null, more, false).installation();
        assertThat(moved.releaseId()).isEqualTo(greedy.id());
        assertThat(Consent.fromJson(moved.consentedPermissions()).egressHosts())
                .containsExactlyInAnyOrder("localhost", "api.tax.example");
    }

    @Test
    void thePlatformMovesAStoreWithoutAskingAndRecordsTheNewPermissions() throws IOException {
        installations.install(store, PLUGIN, "1.0.0", "{}");
        release(descriptor("caravan-test-echo-tax-v2.jar")
                .replace("\"1.1.0\"", "\"1.2.0\"")
                .replace("[\"localhost\"]", "[\"localhost\", \"api.tax.example\"]"));

        Installation moved = installations.upgrade(store, PLUGIN, "1.2.0", null).installation();

        assertThat(Consent.fromJson(moved.consentedPermissions()).egressHosts())
                .containsExactlyInAnyOrder("localhost", "api.tax.example");
    }

    @Test
    void aRollBackReturnsToTheVersionBeforeAndSwapsTheTarget() {
        installations.install(store, PLUGIN, "1.0.0", "{\"label\":\"vat\",\"apiKey\":\"secret-123\"}");
        assertThatThrownBy(() -> installations.rollBack(store, PLUGIN))
                .isInstanceOf(StateConflictException.class)
                .hasMessage("test-echo-tax has no earlier version to roll back to in store 'shop'");
        installations.upgrade(store, PLUGIN, "1.1.0", null);

        InstallationDetails details = installations.rollBack(store, PLUGIN);

        assertThat(details.release()).isSameAs(v1);
        assertThat(details.previous()).isSameAs(v2);
        assertThat(details.secretsSet()).containsExactly("/apiKey");
        assertThat(details.installation().configurationJson()).contains("vat");
        assertThat(audit.getFirst().action()).isEqualTo("plugin.rolled-back");
        assertThat(audit.getFirst().detail()).isEqualTo("1.1.0 -> 1.0.0");
    }

    @Test
    void reconfiguringValidatesAndKeepsStoredSecrets() {
        installations.install(store, PLUGIN, "1.0.0", "{\"label\":\"vat\",\"apiKey\":\"secret-123\"}");

        InstallationDetails details = installations.configure(store, PLUGIN, "{\"label\":\"gst\"}");

        assertThat(details.installation().configurationJson()).contains("gst");
        assertThat(details.secretsSet()).containsExactly("/apiKey");
        assertThat(audit.getFirst().action()).isEqualTo("plugin.configured");
        assertThat(audit.getFirst().detail()).isNull();
        assertThatThrownBy(() -> installations.configure(store, PLUGIN, "{\"label\":5}"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(installations.get(store, PLUGIN).installation().configurationJson())
                .contains("gst");
    }

    @Test
    void disablingNeedsAShortReasonAndEnablingClearsIt() {
        installations.install(store, PLUGIN, "1.0.0", "{}");

        assertThatThrownBy(() -> installations.disable(store, PLUGIN, "r".repeat(501)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("reason must be at most 500 characters");
        Installation disabled =
                installations.disable(store, PLUGIN, "r".repeat(500)).installation();
        assertThat(disabled.status()).isEqualTo(InstallationStatus.DISABLED);
        assertThat(audit.getFirst().action()).isEqualTo("plugin.disabled");
        assertThat(audit.getFirst().detail()).hasSize(500);
        assertThat(installations.disable(store, PLUGIN, null).installation().statusReason())
                .isNull();

        Installation enabled = installations.enable(store, PLUGIN).installation();
        assertThat(enabled.isEnabled()).isTrue();
        assertThat(audit.getFirst().action()).isEqualTo("plugin.enabled");
    }

    @Test
    void uninstallingRemovesTheRowTellsTheHostAndRecordsWhatHappenedToTheData() {
        Installation installation =
                installations.install(store, PLUGIN, "1.0.0", "{}").installation();
        market.signals.clear();

        installations.uninstall(store, PLUGIN, true);

        assertThat(rows.get("s-1")).isEmpty();
        assertThat(calls).contains("forget " + installation.id());
        assertThat(audit.getFirst().action()).isEqualTo("plugin.uninstalled");
        assertThat(audit.getFirst().detail()).isEqualTo("purged");
        assertThat(market.signals).containsExactly("invalidate s-1");
        assertThatThrownBy(() -> installations.uninstall(store, PLUGIN, false))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Store 'shop' has no installation of test-echo-tax.");
    }

    @Test
    void uninstallingKeepsTheDataUnlessAskedToPurge() {
        installations.install(store, PLUGIN, "1.0.0", "{}");

        installations.uninstall(store, PLUGIN, false);

        assertThat(audit.getFirst().detail()).isEqualTo("kept");
    }

    @Test
    void anInstallationWhosePreviousReleaseIsGoneShowsNoPrevious() {
        installations.install(store, PLUGIN, "1.0.0", "{}");
        installations.upgrade(store, PLUGIN, "1.1.0", null);
        market.releases.all.remove(v1);

        assertThat(installations.get(store, PLUGIN).previous()).isNull();
    }

    private Listing listing() {
        Listing listing = market.freeListing(PLUGIN);
        return listing;
    }

    private PluginRelease release(String descriptorJson) {
        return release(PLUGIN, descriptorJson);
    }

    /** The echo bundle's 1.0.0 registered as another plugin (a second tax plugin for the same store). */
    PluginRelease otherPlugin(String pluginId) throws IOException {
        return release(
                pluginId,
                descriptor("caravan-test-echo-tax-v1.jar").replace("\"" + PLUGIN + "\"", "\"" + pluginId + "\""));
    }

    private PluginRelease release(String pluginId, String descriptorJson) {
        String version = PluginDescriptorReader.read(descriptorJson).version();
        PluginRelease release = PluginRelease.uploaded(
                PLUGIN.equals(pluginId) ? "l-1" : "l-" + pluginId,
                pluginId,
                version,
                "io.caravan.test.echotax",
                PLUGIN.equals(pluginId) ? "sha-" + version : "sha-" + pluginId + "-" + version,
                100,
                descriptorJson,
                true,
                "{}",
                InMemoryMarketplace.NOW);
        release.submit();
        release.approve("ada", InMemoryMarketplace.NOW);
        market.releases.add(release);
        return release;
    }

    static String descriptor(String bundle) throws IOException {
        return BundleArchive.read(ReleaseRegistryTest.bundle(bundle)).descriptorJson();
    }

    /** The billing event, recorded. */
    final class Recorder implements Event<PluginInstalled> {
        @Override
        public void fire(PluginInstalled event) {
            fired.add(event);
        }

        @Override
        public <U extends PluginInstalled> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends PluginInstalled> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<PluginInstalled> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends PluginInstalled> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends PluginInstalled> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
