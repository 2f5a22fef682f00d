package io.caravan.platform.marketplace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How many stores have a plugin installed now (all stores; no store identities). */
@Entity
@Table(name = "listing_stats")
public class ListingStats {
    @Id
    @Column(name = "plugin_id")
    private String pluginId;

    @Column(nullable = false)
    private long installs;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ListingStats() {}

    public ListingStats(String pluginId, Instant now) {
        this.pluginId = pluginId;
        this.updatedAt = now;
    }

    public long installs() {
        return installs;
    }
}
