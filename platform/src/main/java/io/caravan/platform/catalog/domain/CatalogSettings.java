package io.caravan.platform.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One catalogue setting of the store, by name (today {@link #ALLOCATION_RULE}). A store without
 * the row uses the setting's default ({@link #DEFAULT_RULE} for the allocation rule).
 */
@Entity
@Table(name = "catalog_settings")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class CatalogSettings {
    /** The name of the allocation rule setting; its value an {@link AllocationRule}. */
    public static final String ALLOCATION_RULE = "allocation-rule";

    /** A new store ships from its warehouses in the order it gave them. */
    public static final AllocationRule DEFAULT_RULE = AllocationRule.PRIORITY;

    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Column(name = "setting_name", nullable = false, updatable = false)
    private String name;

    @Column(name = "setting_value", nullable = false)
    private String value;

    @Version
    private long version;

    protected CatalogSettings() {}

    public CatalogSettings(String name, String value) {
        this.id = UUID.randomUUID().toString();
        this.name = name;
        this.value = value;
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    public void value(String newValue) {
        this.value = newValue;
    }

    public long version() {
        return version;
    }
}
