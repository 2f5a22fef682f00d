package io.caravan.platform.marketplace.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.host.application.PluginHost;
import io.caravan.platform.identity.domain.CaravanUser;
import io.caravan.platform.marketplace.domain.Listing;
import io.caravan.platform.marketplace.domain.ListingDetails;
import io.caravan.platform.marketplace.domain.PluginRelease;
import io.caravan.platform.marketplace.domain.Pricing;
import io.caravan.platform.validation.application.ValidationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The order of an upload in {@link Listings#upload}: quotas first (a throttled upload is not even
 * checked), then the checks, then the symbolic name, and only then the artifact store — so garbage,
 * a rejected bundle and a bundle with another plugin's symbolic name leave no byte behind. Real
 * bundles the build makes (target/test-bundles), the real validator (dry run not configured),
 * in-memory repositories.
 */
class ListingsUploadTest {
    static final Path BUNDLES = Path.of(System.getProperty("caravan.test.bundles", "target/test-bundles"));
    static final CaravanUser DEV = new CaravanUser("dev-1", "dev", "dev@example.com", Set.of(), Set.of());

    final UploadLimitsTest quotas = new UploadLimitsTest();
    final List<byte[]> stored = new ArrayList<>();
    final List<ValidationReport> recorded = new ArrayList<>();
    final Listing listing = new Listing(
            "test-echo-tax",
            "dev-1",
            "dev",
            new ListingDetails(
                    "Echo",
                    "Echoes",
                    Map.of("en", "Echoes the cart."),
                    List.of("tax"),
                    List.of("TAX"),
                    List.of("FR"),
                    Pricing.free(),
                    "support@echo.example",
                    null),
            UploadLimitsTest.T0);

    Listings listings(int perHour) {
        Listings listings = new Listings();
        listings.limits = quotas.limits(UploadLimitsTest.T0, perHour, Long.MAX_VALUE);
        listings.host = new PluginHost() {
            @Override
            public String sdkVersion() {
                return "1.0.0";
            }
        };
        listings.transactions = new ListingTransactions() {
            @Override
            public Listing owned(CaravanUser developer, String pluginId) {
                return listing;
            }

            @Override
            public Optional<String> publishedSha(String pluginId, String version) {
                return Optional.empty();
            }

            @Override
            public Optional<PluginRelease> record(
                    String listingId, String pluginId, long size, ValidationReport report, String reportJson) {
                recorded.add(report);
                return Optional.empty();
            }
        };
        listings.artifacts = new ArtifactStore() {
            @Override
            public String put(byte[] bundle) {
                stored.add(bundle);
                return "sha";
            }

            @Override
            public byte[] read(String sha256) {
                throw new UnsupportedOperationException();
            }
        };
        return listings;
    }

    @Test
    void garbageAndARejectedBundleAreCheckedAndRecordedButNeverStored() throws IOException {
        Listings.Upload garbage =
                listings(30).upload(DEV, "test-echo-tax", "not a bundle".getBytes(StandardCharsets.UTF_8));
        Listings.Upload threads = listings(30).upload(DEV, "test-echo-tax", bundle("caravan-test-misbehaving.jar"));

        assertThat(garbage.report().passed()).isFalse();
        assertThat(threads.report().passed()).isFalse();
        assertThat(recorded).hasSize(2);
        assertThat(stored).as("the artifact store").isEmpty();
    }

    @Test
    void aBundleThatPassedIsStoredOnce() throws IOException {
        Listings.Upload ok = listings(30).upload(DEV, "test-echo-tax", bundle("caravan-test-echo-tax-v1.jar"));

        assertThat(ok.report().passed()).as(ok.report().summary()).isTrue();
        assertThat(stored).hasSize(1);
    }

    @Test
    void aBundleWithAnotherPluginsSymbolicNameIsNeitherStoredNorRecorded() throws IOException {
        quotas.releases.add(
                UploadLimitsTest.upload("listing-eve", "eve-tax", "1.0.0", "io.caravan.test.echotax", 10, true));

        assertThatThrownBy(() -> listings(30).upload(DEV, "test-echo-tax", bundle("caravan-test-echo-tax-v1.jar")))
                .isInstanceOf(SymbolicNameTakenException.class);
        assertThat(stored).isEmpty();
        assertThat(recorded).isEmpty();
    }

    @Test
    void anUploadOverTheRateIsRefusedBeforeItIsChecked() {
        Listings listings = listings(1);
        listings.upload(DEV, "test-echo-tax", "first".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> listings.upload(DEV, "test-echo-tax", "second".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UploadQuotaExceededException.class);
        assertThat(recorded).as("only the first upload was checked").hasSize(1);
        assertThat(stored).isEmpty();
    }

    static byte[] bundle(String name) throws IOException {
        return Files.readAllBytes(BUNDLES.resolve(name));
    }
}
