package io.caravan.platform.marketplace.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.identity.domain.CaravanUser;
import io.caravan.platform.marketplace.domain.PluginRelease;
import io.caravan.platform.marketplace.domain.PluginReleaseRepository;
import io.caravan.platform.marketplace.domain.ReleaseOrigin;
import io.caravan.platform.marketplace.domain.ReleaseStatus;
import io.caravan.platform.marketplace.domain.UploadAttempt;
import io.caravan.platform.marketplace.domain.UploadAttemptRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The upload quotas and the symbolic-name claim against in-memory repositories (the JPA ones run the
 * same queries in the ITs): the rate is a sliding hour with a Retry-After to the second, the byte
 * quota counts what the artifact store keeps, a symbolic name belongs to one plugin.
 */
class UploadLimitsTest {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final CaravanUser DEV = new CaravanUser("dev-1", "dev", "dev@example.com", Set.of(), Set.of());
    static final CaravanUser OTHER_DEV = new CaravanUser("dev-2", "eve", "eve@example.com", Set.of(), Set.of());

    final List<UploadAttempt> attempts = new ArrayList<>();
    final List<PluginRelease> releases = new ArrayList<>();
    /** listing id → developer id, as the listings table has it. */
    final Map<String, String> listingOwners = Map.of("listing-acme", "dev-1", "listing-eve", "dev-2");

    UploadLimits limits(Instant now, int perHour, long maxBytes) {
        UploadLimits limits = new UploadLimits();
        limits.clock = Clock.fixed(now, ZoneOffset.UTC);
        limits.perHour = perHour;
        limits.maxStoredBytes = maxBytes;
        limits.attempts = new UploadAttemptRepository() {
            @Override
            public void add(UploadAttempt attempt) {
                attempts.add(attempt);
            }

            @Override
            public List<Instant> attemptTimesAfter(String developerId, Instant after) {
                return attempts.stream()
                        .filter(a -> a.developerId().equals(developerId)
                                && a.attemptedAt().isAfter(after))
                        .map(UploadAttempt::attemptedAt)
                        .sorted()
                        .toList();
            }
        };
        limits.releases = new InMemoryReleases();
        return limits;
    }

    @Test
    void theThirtyFirstUploadInAnHourIsRefusedUntilTheFirstLeavesTheWindow() {
        for (int i = 0; i < 30; i++) {
            limits(T0.plusSeconds(60L * i), 30, Long.MAX_VALUE).admit(DEV, "acme-tax", 1_000);
        }
        Instant now = T0.plusSeconds(60L * 30);

        assertThatThrownBy(() -> limits(now, 30, Long.MAX_VALUE).admit(DEV, "acme-tax", 1_000))
                .isInstanceOfSatisfying(UploadQuotaExceededException.class, e -> {
                    assertThat(e.quota()).isEqualTo(UploadQuotaExceededException.Quota.RATE);
                    // the first attempt (T0) leaves the window at T0 + 1 h, 30 minutes from now
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(30));
                    assertThat(e.getMessage())
                            .contains("30 uploads in the last hour")
                            .contains("at most 30");
                });
        assertThat(attempts).as("a refused upload is not counted").hasSize(30);

        // another developer is not affected; after the first attempt expired, one more is admitted
        assertThatCode(() -> limits(now, 30, Long.MAX_VALUE).admit(OTHER_DEV, "eve-tax", 1_000))
                .doesNotThrowAnyException();
        assertThatCode(() ->
                        limits(T0.plus(Duration.ofHours(1)), 30, Long.MAX_VALUE).admit(DEV, "acme-tax", 1_000))
                .doesNotThrowAnyException();
    }

    @Test
    void theStoredBytesCountTheReleasesThatPassedAndRefuseAnUploadThatWouldCrossTheQuota() {
        releases.add(upload("listing-acme", "acme-tax", "1.0.0", "com.acme.tax", 600, true));
        releases.add(upload("listing-acme", "acme-tax", "1.0.1", "com.acme.tax", 5_000, false)); // rejected: not stored
        releases.add(upload("listing-eve", "eve-tax", "1.0.0", "com.eve.tax", 5_000, true)); // someone else's

        assertThatCode(() -> limits(T0, 30, 1_000).admit(DEV, "acme-tax", 400)).doesNotThrowAnyException();
        assertThatThrownBy(() -> limits(T0, 30, 1_000).admit(DEV, "acme-tax", 401))
                .isInstanceOfSatisfying(UploadQuotaExceededException.class, e -> {
                    assertThat(e.quota()).isEqualTo(UploadQuotaExceededException.Quota.STORED_BYTES);
                    assertThat(e.retryAfter()).isNull();
                    assertThat(e.getMessage())
                            .contains("600 bytes")
                            .contains("401 bytes")
                            .contains("1000 bytes");
                });
    }

    @Test
    void aSymbolicNameBelongsToOnePluginAndFirstPartyNamesAreReserved() {
        // a first-party bundle named outside the namespace (as an older platform might have shipped)
        releases.add(new PluginRelease(
                "caravan-tax", "0.1.0", "io.caravan.tax", "ab".repeat(32), 10, "{}", ReleaseOrigin.FIRST_PARTY, T0));
        releases.add(upload("listing-eve", "eve-tax", "1.0.0", "com.eve.tax", 10, true));
        releases.add(upload("listing-eve", "eve-squat", "1.0.0", "com.squatted.tax", 10, false));
        UploadLimits limits = limits(T0, 30, Long.MAX_VALUE);

        assertThatThrownBy(() -> limits.claimSymbolicName("acme-tax", "io.caravan.tax"))
                .isInstanceOfSatisfying(SymbolicNameTakenException.class, e -> {
                    assertThat(e.symbolicName()).isEqualTo("io.caravan.tax");
                    assertThat(e.getMessage()).contains("the first-party plugin caravan-tax");
                });
        assertThatThrownBy(() -> limits.claimSymbolicName("acme-tax", "io.caravan.plugins.shipping"))
                .as("the first-party namespace, also for a plugin not shipped yet")
                .isInstanceOf(SymbolicNameTakenException.class)
                .hasMessageContaining("reserved for the first-party plugins");
        assertThatThrownBy(() -> limits.claimSymbolicName("acme-tax", "com.eve.tax"))
                .isInstanceOf(SymbolicNameTakenException.class)
                .hasMessageContaining("Bundle-SymbolicName com.eve.tax belongs to another plugin");
        // the plugin's own name, a new name, and a name only a rejected upload used are free
        assertThatCode(() -> limits.claimSymbolicName("eve-tax", "com.eve.tax")).doesNotThrowAnyException();
        assertThatCode(() -> limits.claimSymbolicName("acme-tax", "com.acme.tax"))
                .doesNotThrowAnyException();
        assertThatCode(() -> limits.claimSymbolicName("acme-tax", "com.squatted.tax"))
                .doesNotThrowAnyException();
    }

    static PluginRelease upload(
            String listingId, String pluginId, String version, String symbolicName, long size, boolean passed) {
        return PluginRelease.uploaded(
                listingId, pluginId, version, symbolicName, "cd".repeat(32), size, "{}", passed, "{}", T0);
    }

    /** Only what UploadLimits asks. */
    final class InMemoryReleases implements PluginReleaseRepository {
        @Override
        public List<PluginRelease> listBySymbolicName(String symbolicName) {
            return releases.stream()
                    .filter(r -> symbolicName.equals(r.symbolicName()))
                    .toList();
        }

        @Override
        public long storedBytesOfDeveloper(String developerId) {
            return releases.stream()
                    .filter(r -> r.status() != ReleaseStatus.REJECTED)
                    .filter(r -> r.listingId() != null && developerId.equals(listingOwners.get(r.listingId())))
                    .mapToLong(PluginRelease::sizeBytes)
                    .sum();
        }

        @Override
        public Optional<PluginRelease> findById(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<PluginRelease> find(String pluginId, String version) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<PluginRelease> list(String pluginId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<PluginRelease> listAll() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<PluginRelease> listByStatus(ReleaseStatus status) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void add(PluginRelease release) {
            throw new UnsupportedOperationException();
        }
    }
}
