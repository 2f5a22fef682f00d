package io.caravan.platform.marketplace.domain;

import io.caravan.platform.shared.domain.StateConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One version of one plugin that this platform can load: its bundle (by SHA-256 in the artifact
 * store) and its descriptor as the bundle carried it. Platform-owned, not store-owned: every store
 * that installs the version shares the row, as every store shares the loaded bundle. Immutable
 * apart from its status: a published version number never names other bytes.
 */
@Entity
@Table(name = "plugin_releases")
public class PluginRelease {
    @Id
    private String id;

    @Column(name = "plugin_id", nullable = false, updatable = false)
    private String pluginId;

    @Column(nullable = false, updatable = false)
    private String version;

    @Column(name = "symbolic_name", nullable = false, updatable = false)
    private String symbolicName;

    @Column(nullable = false)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false)
    private String descriptor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ReleaseOrigin origin;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReleaseStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "registered_at", nullable = false, updatable = false)
    private Instant registeredAt;

    /** The marketplace listing it was uploaded to; null for first-party and development builds. */
    @Column(name = "listing_id", updatable = false)
    private String listingId;

    /** The automated checks' report (JSON), for uploads. */
    @Column(name = "validation_report")
    private String validationReport;

    @Column(name = "reviewed_by")
    private String reviewedBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    /** Certified by a platform admin: runs in the platform's JVM (else in sandbox workers). */
    @Column(name = "certified", nullable = false)
    private boolean certified;

    @Column(name = "certified_by")
    private String certifiedBy;

    @Column(name = "certified_at")
    private Instant certifiedAt;

    protected PluginRelease() {}

    public PluginRelease(
            String pluginId,
            String version,
            String symbolicName,
            String sha256,
            long sizeBytes,
            String descriptorJson,
            ReleaseOrigin origin,
            Instant now) {
        this.id = UUID.randomUUID().toString();
        this.pluginId = pluginId;
        this.version = version;
        this.symbolicName = symbolicName;
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.descriptor = descriptorJson;
        this.origin = origin;
        this.status = ReleaseStatus.AVAILABLE;
        this.registeredAt = now;
        // shipped with the platform and built by it: certified by construction
        this.certified = origin == ReleaseOrigin.FIRST_PARTY;
        if (certified) {
            this.certifiedBy = "platform";
            this.certifiedAt = now;
        }
    }

    /** An upload to a listing: installable only after the checks passed, it was submitted and approved. */
    public static PluginRelease uploaded(
            String listingId,
            String pluginId,
            String version,
            String symbolicName,
            String sha256,
            long sizeBytes,
            String descriptorJson,
            boolean checksPassed,
            String reportJson,
            Instant now) {
        PluginRelease release = new PluginRelease(
                pluginId, version, symbolicName, sha256, sizeBytes, descriptorJson, ReleaseOrigin.UPLOADED, now);
        release.listingId = listingId;
        release.validationReport = reportJson;
        release.status = checksPassed ? ReleaseStatus.PASSED : ReleaseStatus.REJECTED;
        release.statusReason = checksPassed ? null : "failed the automated checks";
        return release;
    }

    /** The developer asks for review. */
    public void submit() {
        require(ReleaseStatus.PASSED, "submitted for review");
        this.status = ReleaseStatus.IN_REVIEW;
    }

    public void approve(String reviewer, Instant now) {
        require(ReleaseStatus.IN_REVIEW, "approved");
        this.status = ReleaseStatus.AVAILABLE;
        this.statusReason = null;
        this.reviewedBy = reviewer;
        this.reviewedAt = now;
    }

    /**
     * A platform admin certifies the version at review: it may run in the platform's JVM. Only a
     * version in review or approved can be; certifying twice changes nothing.
     */
    public void certify(String admin, Instant now) {
        if (status != ReleaseStatus.IN_REVIEW && status != ReleaseStatus.AVAILABLE) {
            throw new StateConflictException("only a version in review or approved can be certified; this one is "
                    + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        if (origin == ReleaseOrigin.DEVELOPMENT) {
            throw new StateConflictException("a development build cannot be certified; upload the version");
        }
        if (!certified) {
            this.certified = true;
            this.certifiedBy = admin;
            this.certifiedAt = now;
        }
    }

    /** Withdraws certification: the version runs in sandbox workers from its next call on. */
    public void decertify(String admin, Instant now) {
        this.certified = false;
        this.certifiedBy = admin;
        this.certifiedAt = now;
    }

    public boolean certified() {
        return certified;
    }

    public String certifiedBy() {
        return certifiedBy;
    }

    public Instant certifiedAt() {
        return certifiedAt;
    }

    public void decline(String reviewer, String reason, Instant now) {
        require(ReleaseStatus.IN_REVIEW, "declined");
        this.status = ReleaseStatus.DECLINED;
        this.statusReason = reason;
        this.reviewedBy = reviewer;
        this.reviewedAt = now;
    }

    /** Pulls an approved version out of service (the caller moves every store off it). */
    public void yank(String by, String reason, Instant now) {
        require(ReleaseStatus.AVAILABLE, "yanked");
        this.status = ReleaseStatus.WITHDRAWN;
        this.statusReason = reason;
        this.reviewedBy = by;
        this.reviewedAt = now;
    }

    private void require(ReleaseStatus expected, String action) {
        if (status != expected) {
            throw new io.caravan.platform.shared.domain.StateConflictException(pluginId + " " + version + " is "
                    + status.name().toLowerCase().replace('_', ' ') + " and cannot be " + action
                    + " (it must be " + expected.name().toLowerCase().replace('_', ' ') + ")");
        }
    }

    public String listingId() {
        return listingId;
    }

    public String validationReport() {
        return validationReport;
    }

    public String reviewedBy() {
        return reviewedBy;
    }

    public Instant reviewedAt() {
        return reviewedAt;
    }

    /**
     * A development build of the same version replaces the previous one (dev mode only: a
     * published or first-party version never names other bytes).
     */
    public void replaceDevelopmentBuild(String sha256, long sizeBytes, String descriptorJson) {
        if (origin != ReleaseOrigin.DEVELOPMENT) {
            throw new IllegalStateException("only development builds are replaced in place");
        }
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.descriptor = descriptorJson;
    }

    /**
     * Whether an upload of the same version may replace this one: an uploaded version that no
     * platform admin ever approved (rejected by the checks, passed, in review, or declined) was
     * never installable, so no store ever ran its bytes and its number is not spent.
     */
    public boolean replaceableByUpload() {
        return origin == ReleaseOrigin.UPLOADED
                && status != ReleaseStatus.AVAILABLE
                && status != ReleaseStatus.WITHDRAWN;
    }

    /**
     * Replaces a never-approved upload with new bytes and their check report: it starts over as
     * passed or rejected, out of any review queue, its earlier review forgotten.
     *
     * @throws IllegalStateException if the version was ever approved ({@link #replaceableByUpload()})
     */
    public void replaceUpload(
            String symbolicName,
            String sha256,
            long sizeBytes,
            String descriptorJson,
            boolean checksPassed,
            String reportJson,
            Instant now) {
        if (!replaceableByUpload()) {
            throw new IllegalStateException(
                    "version " + version + " of " + pluginId + " was approved; its bytes never change");
        }
        this.symbolicName = symbolicName;
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.descriptor = descriptorJson;
        this.validationReport = reportJson;
        this.status = checksPassed ? ReleaseStatus.PASSED : ReleaseStatus.REJECTED;
        this.statusReason = checksPassed ? null : "failed the automated checks";
        this.reviewedBy = null;
        this.reviewedAt = null;
        this.registeredAt = now;
    }

    public boolean isInstallable() {
        return status == ReleaseStatus.AVAILABLE;
    }

    public String id() {
        return id;
    }

    public String pluginId() {
        return pluginId;
    }

    public String version() {
        return version;
    }

    public String symbolicName() {
        return symbolicName;
    }

    public String sha256() {
        return sha256;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String descriptorJson() {
        return descriptor;
    }

    public ReleaseOrigin origin() {
        return origin;
    }

    public ReleaseStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
