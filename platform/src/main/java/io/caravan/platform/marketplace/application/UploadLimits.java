package io.caravan.platform.marketplace.application;

import io.caravan.platform.identity.domain.CaravanUser;
import io.caravan.platform.marketplace.domain.PluginRelease;
import io.caravan.platform.marketplace.domain.PluginReleaseRepository;
import io.caravan.platform.marketplace.domain.ReleaseOrigin;
import io.caravan.platform.marketplace.domain.ReleaseStatus;
import io.caravan.platform.marketplace.domain.UploadAttempt;
import io.caravan.platform.marketplace.domain.UploadAttemptRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What an upload must clear besides the bundle checks, all counted in the platform's database (so
 * every node agrees):
 *
 * <ul>
 *   <li>the developer's upload rate: at most {@code caravan.uploads.per-developer.per-hour} uploads
 *       (default 30; 0 or less: no limit) in any sliding hour, every upload counting, garbage included
 *       (429, Retry-After);
 *   <li>the developer's stored bytes: the bundles of their listings that passed the checks (those
 *       the artifact store keeps) together at most {@code caravan.uploads.per-developer.max-bytes}
 *       (default 200 MiB) with this upload (413);
 *   <li>the Bundle-SymbolicName: it belongs to one listing for all its versions; another listing's
 *       (rejected uploads aside, which claim nothing) or a first-party plugin's is refused (409),
 *       and so is the whole first-party namespace {@value #FIRST_PARTY_NAMESPACE}*.
 * </ul>
 *
 * <p>Two uploads racing on two nodes may both be admitted at the limit (count, then insert, without
 * a lock): the rate may overshoot by the number of uploads in flight at once, which is harmless.
 */
@ApplicationScoped
public class UploadLimits {
    static final Duration WINDOW = Duration.ofHours(1);

    /**
     * The first-party plugins' namespace: reserved for the bundles shipped with the platform, also
     * those a later platform version will ship (an upload claiming one first would break it).
     */
    public static final String FIRST_PARTY_NAMESPACE = "io.caravan.plugins.";

    @Inject
    UploadAttemptRepository attempts;

    @Inject
    PluginReleaseRepository releases;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "caravan.uploads.per-developer.per-hour", defaultValue = "30")
    int perHour;

    @Inject
    @ConfigProperty(name = "caravan.uploads.per-developer.max-bytes", defaultValue = "209715200")
    long maxStoredBytes;

    /**
     * Counts this upload against the developer's rate and checks their stored bytes, before anything
     * of it is read.
     *
     * @throws UploadQuotaExceededException over either quota (the refused upload is not counted)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void admit(CaravanUser developer, String pluginId, long size) {
        Instant now = clock.instant();
        List<Instant> recent = attempts.attemptTimesAfter(developer.userId(), now.minus(WINDOW));
        if (perHour > 0 && recent.size() >= perHour) {
            Instant freed = recent.get(recent.size() - perHour).plus(WINDOW);
            Duration wait = Duration.between(now, freed);
            Duration retryAfter = wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
            throw new UploadQuotaExceededException(
                    UploadQuotaExceededException.Quota.RATE,
                    retryAfter,
                    "You sent " + recent.size() + " uploads in the last hour; at most " + perHour
                            + " are accepted per developer per hour. Try again in " + seconds(retryAfter)
                            + " s.");
        }
        long stored = releases.storedBytesOfDeveloper(developer.userId());
        if (stored + size > maxStoredBytes) {
            throw new UploadQuotaExceededException(
                    UploadQuotaExceededException.Quota.STORED_BYTES,
                    null,
                    "Your listings' bundles take " + stored + " bytes; with this upload of " + size
                            + " bytes they would pass the " + maxStoredBytes
                            + " bytes a developer may store. Ask a platform admin to withdraw old versions.");
        }
        attempts.add(new UploadAttempt(developer.userId(), pluginId, size, now));
    }

    /**
     * Refuses a Bundle-SymbolicName that another plugin's release (not rejected) already has.
     *
     * @throws SymbolicNameTakenException if it is another listing's or a first-party plugin's
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void claimSymbolicName(String pluginId, String symbolicName) {
        if (symbolicName.startsWith(FIRST_PARTY_NAMESPACE)) {
            throw new SymbolicNameTakenException(
                    symbolicName,
                    "Bundle-SymbolicName " + symbolicName + " is in " + FIRST_PARTY_NAMESPACE
                            + "*, reserved for the first-party plugins shipped with the platform. Give your bundle a"
                            + " symbolic name of your own (your reversed domain, say).");
        }
        Optional<PluginRelease> other = releases.listBySymbolicName(symbolicName).stream()
                .filter(r -> !r.pluginId().equals(pluginId))
                .filter(r -> r.status() != ReleaseStatus.REJECTED)
                .findFirst();
        if (other.isEmpty()) {
            return;
        }
        String owner = other.get().origin() == ReleaseOrigin.FIRST_PARTY
                ? "the first-party plugin " + other.get().pluginId()
                : "another plugin";
        throw new SymbolicNameTakenException(
                symbolicName,
                "Bundle-SymbolicName " + symbolicName + " belongs to " + owner
                        + "; a symbolic name belongs to one listing, for all its versions. Give your bundle a"
                        + " symbolic name of your own (your reversed domain, say).");
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
