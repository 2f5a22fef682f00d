package io.caravan.platform.marketplace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * The last health report of one installation and when the next check is due. A check is claimed
 * with a lease ({@link #claim}) so that one node at a time runs it; its result is recorded only
 * under the claim's token ({@link #record}), so a node whose lease ran out cannot overwrite a newer
 * report. DOWN since when is kept across reports until the plugin is UP or DEGRADED again.
 */
@Entity
@Table(name = "plugin_health")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class InstallationHealth {
    /** What the merchant is shown. */
    public enum Status {
        /** Claimed for its first check, not answered yet. */
        PENDING,
        /** The plugin says it works for the store. */
        UP,
        /** It works, not fully (a fallback in use, a slow provider). */
        DEGRADED,
        /** It does not work for the store, or the check itself failed (timeout, error, quarantine). */
        DOWN,
        /** The version has no HEALTH extension: nothing to check. */
        NOT_REPORTED
    }

    @Id
    @Column(name = "installation_id")
    private String installationId;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column
    private String detail;

    @Column(name = "release_id")
    private String releaseId;

    @Column(name = "plugin_version")
    private String pluginVersion;

    @Column(name = "checked_at")
    private Instant checkedAt;

    @Column(name = "took_ms")
    private Long tookMillis;

    @Column(name = "down_since")
    private Instant downSince;

    @Column(name = "next_check_at", nullable = false)
    private Instant nextCheckAt;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "lease_token")
    private String leaseToken;

    @Version
    private long version;

    protected InstallationHealth() {}

    /** A row for an installation never checked, due now. */
    public InstallationHealth(String installationId, Instant now) {
        this.installationId = Objects.requireNonNull(installationId);
        this.status = Status.PENDING;
        this.nextCheckAt = now;
    }

    /**
     * Whether a check may start now: due (its time came, it was never answered, or the installation
     * changed after the last report) and no other claim holds a lease.
     */
    public boolean claimable(Instant now, Instant installationUpdatedAt) {
        boolean due = !nextCheckAt.isAfter(now)
                || checkedAt == null
                || (installationUpdatedAt != null && checkedAt.isBefore(installationUpdatedAt));
        return due && (leaseUntil == null || !leaseUntil.isAfter(now));
    }

    /** Whether a claim holds the row now. */
    public boolean leased(Instant now) {
        return leaseToken != null && leaseUntil != null && leaseUntil.isAfter(now);
    }

    /** Gives back the claim {@code token} holds without a report; the next check is due at {@code next}. */
    public void release(String token, Instant next) {
        if (token != null && token.equals(leaseToken)) {
            leaseToken = null;
            leaseUntil = null;
            nextCheckAt = next;
        }
    }

    /** Takes a lease for one check; returns its token. */
    public String claim(Instant now, Duration lease) {
        leaseToken = UUID.randomUUID().toString();
        leaseUntil = now.plus(lease);
        return leaseToken;
    }

    /**
     * Records a check's result made under {@code token}.
     *
     * @return how the standing changed (into or out of {@link Status#DOWN}); empty, and nothing
     *     changed, when the lease was taken over or the row was claimed again since
     */
    public Optional<Transition> record(
            String token,
            Status result,
            String resultDetail,
            String release,
            String versionChecked,
            Instant checked,
            long took,
            Instant next) {
        if (token == null || !token.equals(leaseToken)) {
            return Optional.empty();
        }
        Status before = status;
        status = result;
        detail = resultDetail == null ? null : truncate(resultDetail, 500);
        releaseId = release;
        pluginVersion = versionChecked;
        checkedAt = checked;
        tookMillis = took;
        nextCheckAt = next;
        leaseToken = null;
        leaseUntil = null;
        if (result == Status.DOWN && before != Status.DOWN) {
            downSince = checked;
            return Optional.of(Transition.WENT_DOWN);
        }
        if (result != Status.DOWN && before == Status.DOWN) {
            downSince = null;
            return Optional.of(Transition.RECOVERED);
        }
        return Optional.of(Transition.NONE);
    }

    /** How a recorded report changed the installation's standing. */
    public enum Transition {
        NONE,
        WENT_DOWN,
        RECOVERED
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public String installationId() {
        return installationId;
    }

    public String storeId() {
        return storeId;
    }

    public Status status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public String releaseId() {
        return releaseId;
    }

    public String pluginVersion() {
        return pluginVersion;
    }

    public Instant checkedAt() {
        return checkedAt;
    }

    public Long tookMillis() {
        return tookMillis;
    }

    public Instant downSince() {
        return downSince;
    }

    public Instant nextCheckAt() {
        return nextCheckAt;
    }
}
