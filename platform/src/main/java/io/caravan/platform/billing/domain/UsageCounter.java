package io.caravan.platform.billing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** Calls a plugin answered for a store in one month, as the platform's invoker counted them. */
@Entity
@Table(name = "usage_counters")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class UsageCounter {
    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Column(name = "plugin_id", nullable = false, updatable = false)
    private String pluginId;

    @Column(name = "month_start", nullable = false, updatable = false)
    private Instant monthStart;

    @Column(nullable = false)
    private long calls;

    protected UsageCounter() {}

    public UsageCounter(String pluginId, Instant monthStart) {
        this.id = UUID.randomUUID().toString();
        this.pluginId = pluginId;
        this.monthStart = monthStart;
    }

    public void add(long delta) {
        calls = Math.addExact(calls, delta);
    }

    public String pluginId() {
        return pluginId;
    }

    public Instant monthStart() {
        return monthStart;
    }

    public long calls() {
        return calls;
    }
}
