package io.caravan.platform.marketplace.domain;

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

    protected PluginRelease() {
    }

    public PluginRelease(String pluginId, String version, String symbolicName, String sha256, long sizeBytes,
            String descriptorJson, ReleaseOrigin origin, Instant now) {
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

    /** Takes the version out of service for every store; installations move off it. */
    public void withdraw(String reason) {
        this.status = ReleaseStatus.WITHDRAWN;
        this.statusReason = reason;
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
