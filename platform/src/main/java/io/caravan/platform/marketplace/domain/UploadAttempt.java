package io.caravan.platform.marketplace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One upload a developer sent, whatever became of it (accepted, rejected, garbage): the per-developer
 * upload rate is counted over these rows, so every node of the platform sees the same count.
 * Platform-owned (developers' data, not any store's).
 */
@Entity
@Table(name = "upload_attempts")
public class UploadAttempt {
    @Id
    private String id;

    @Column(name = "developer_id", nullable = false, updatable = false)
    private String developerId;

    @Column(name = "plugin_id", nullable = false, updatable = false)
    private String pluginId;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "attempted_at", nullable = false, updatable = false)
    private Instant attemptedAt;

    protected UploadAttempt() {}

    public UploadAttempt(String developerId, String pluginId, long sizeBytes, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.developerId = developerId;
        this.pluginId = pluginId;
        this.sizeBytes = sizeBytes;
        this.attemptedAt = now;
    }

    public String developerId() {
        return developerId;
    }

    public String pluginId() {
        return pluginId;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public Instant attemptedAt() {
        return attemptedAt;
    }
}
