package io.caravan.platform.marketplace.domain;

import io.caravan.platform.shared.domain.StateConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One store's installation of one plugin: the release it runs, the release it ran before (the
 * rollback target), whether it takes calls, and the store's configuration. A store installs a
 * plugin at most once; changing version is an upgrade or a rollback of the same installation, so
 * its id, and every metric and breaker keyed by it, survives the change.
 */
@Entity
@Table(name = "plugin_installations")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class Installation {
    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Column(name = "plugin_id", nullable = false, updatable = false)
    private String pluginId;

    @Column(name = "release_id", nullable = false)
    private String releaseId;

    @Column(name = "previous_release_id")
    private String previousReleaseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InstallationStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(nullable = false)
    private String configuration;

    /** The permissions the store consented to (JSON: egressHosts, events, data). */
    @Column(name = "consented_permissions")
    private String consentedPermissions;

    /** The secret fields, sealed (see SecretBox); null when there are none. Never shown. */
    @Column(name = "secrets")
    private String sealedSecrets;

    @Column(name = "installed_by", nullable = false, updatable = false)
    private String installedBy;

    @Column(name = "installed_at", nullable = false, updatable = false)
    private Instant installedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Installation() {}

    public Installation(PluginRelease release, String configurationJson, String installedBy, Instant now) {
        requireInstallable(release);
        this.id = UUID.randomUUID().toString();
        this.pluginId = release.pluginId();
        this.releaseId = release.id();
        this.status = InstallationStatus.ENABLED;
        this.configuration = Objects.requireNonNull(configurationJson);
        this.installedBy = installedBy;
        this.installedAt = now;
        this.updatedAt = now;
    }

    /** Moves to another version of the same plugin, remembering the current one for rollback. */
    public void changeRelease(PluginRelease target, String configurationJson, Instant now) {
        requireInstallable(target);
        if (!target.pluginId().equals(pluginId)) {
            throw new StateConflictException("release " + target.pluginId() + " " + target.version()
                    + " is not a version of plugin " + pluginId);
        }
        if (target.id().equals(releaseId)) {
            throw new StateConflictException("the store already runs " + pluginId + " " + target.version());
        }
        // checked before any field changes, so a refused change leaves the installation as it was
        String configuration = Objects.requireNonNull(configurationJson);
        this.previousReleaseId = releaseId;
        this.releaseId = target.id();
        this.configuration = configuration;
        this.updatedAt = now;
    }

    /** Back to the release that ran before the last change; the current one becomes the rollback target. */
    public void rollBack(PluginRelease previous, Instant now) {
        if (previousReleaseId == null) {
            throw new StateConflictException("plugin " + pluginId + " has no earlier version to roll back to");
        }
        if (!previous.id().equals(previousReleaseId)) {
            throw new IllegalArgumentException("not this installation's previous release");
        }
        requireInstallable(previous);
        String current = releaseId;
        this.releaseId = previousReleaseId;
        this.previousReleaseId = current;
        this.updatedAt = now;
    }

    /** Replaces the sealed secrets (null: none). */
    public void storeSecrets(String sealed) {
        this.sealedSecrets = sealed;
    }

    public void recordConsent(String permissionsJson) {
        this.consentedPermissions = permissionsJson;
    }

    public String consentedPermissions() {
        return consentedPermissions;
    }

    public String sealedSecrets() {
        return sealedSecrets;
    }

    /** What secret values are bound to when sealed: moving a sealed value to another row breaks it. */
    public String secretsOwner(String storeId) {
        return "plugin-installation:" + storeId + ":" + id;
    }

    public void reconfigure(String configurationJson, Instant now) {
        this.configuration = Objects.requireNonNull(configurationJson);
        this.updatedAt = now;
    }

    public void enable(Instant now) {
        this.status = InstallationStatus.ENABLED;
        this.statusReason = null;
        this.updatedAt = now;
    }

    public void disable(String reason, Instant now) {
        this.status = InstallationStatus.DISABLED;
        this.statusReason = reason;
        this.updatedAt = now;
    }

    private static void requireInstallable(PluginRelease release) {
        if (!release.isInstallable()) {
            throw new StateConflictException(release.pluginId() + " " + release.version() + " is withdrawn"
                    + (release.statusReason() == null ? "" : ": " + release.statusReason()));
        }
    }

    public boolean isEnabled() {
        return status == InstallationStatus.ENABLED;
    }

    public String id() {
        return id;
    }

    public String storeId() {
        return storeId;
    }

    public String pluginId() {
        return pluginId;
    }

    public String releaseId() {
        return releaseId;
    }

    public String previousReleaseId() {
        return previousReleaseId;
    }

    public InstallationStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public String configurationJson() {
        return configuration;
    }

    public String installedBy() {
        return installedBy;
    }

    public Instant installedAt() {
        return installedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
