package io.caravan.platform.host.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One key of a plugin's storage in one store. A deleted or expired entry keeps its row with no
 * value, so its version keeps growing across delete and re-create.
 */
@Entity
@Table(name = "plugin_storage")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class StoredEntry {
    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Column(name = "plugin_id", nullable = false, updatable = false)
    private String pluginId;

    @Column(name = "entry_key", nullable = false, updatable = false)
    private String key;

    @Column(name = "entry_value")
    private byte[] value;

    @Column(name = "size_bytes", nullable = false)
    private int sizeBytes;

    @Column(nullable = false)
    private long version;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected StoredEntry() {}

    public StoredEntry(String pluginId, String key) {
        this.id = UUID.randomUUID().toString();
        this.pluginId = pluginId;
        this.key = key;
    }

    public boolean isPresent(Instant now) {
        return value != null && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** Writes a value (or none, to delete); returns the new version. */
    public long write(byte[] newValue, Instant expires, Instant now) {
        this.value = newValue == null ? null : newValue.clone();
        this.sizeBytes = newValue == null ? 0 : newValue.length;
        this.expiresAt = newValue == null ? null : expires;
        this.updatedAt = now;
        this.version++;
        return version;
    }

    public byte[] value() {
        return value == null ? null : value.clone();
    }

    public long version() {
        return version;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public int sizeBytes() {
        return sizeBytes;
    }

    public String key() {
        return key;
    }
}
