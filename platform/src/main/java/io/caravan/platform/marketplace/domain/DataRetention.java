package io.caravan.platform.marketplace.domain;

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
 * A plugin the store uninstalled while keeping its data: the plugin's storage stays until
 * {@code purgeAfter}, and comes back if the store installs the plugin again before then.
 */
@Entity
@Table(name = "plugin_data_retention")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class DataRetention {
    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Column(name = "plugin_id", nullable = false, updatable = false)
    private String pluginId;

    @Column(name = "purge_after", nullable = false)
    private Instant purgeAfter;

    protected DataRetention() {}

    public DataRetention(String pluginId, Instant purgeAfter) {
        this.id = UUID.randomUUID().toString();
        this.pluginId = pluginId;
        this.purgeAfter = purgeAfter;
    }

    public String pluginId() {
        return pluginId;
    }

    public Instant purgeAfter() {
        return purgeAfter;
    }
}
