package io.caravan.platform.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** The store's catalogue settings: the allocation rule. A store without a row uses {@link #DEFAULT_RULE}. */
@Entity
@Table(name = "catalog_settings")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class CatalogSettings {
    /** A new store ships from its warehouses in the order it gave them. */
    public static final AllocationRule DEFAULT_RULE = AllocationRule.PRIORITY;

    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Enumerated(EnumType.STRING)
    @Column(name = "allocation_rule", nullable = false)
    private AllocationRule allocationRule;

    @Version
    private long version;

    protected CatalogSettings() {}

    public CatalogSettings(AllocationRule rule) {
        this.id = UUID.randomUUID().toString();
        this.allocationRule = rule;
    }

    public void allocationRule(AllocationRule rule) {
        this.allocationRule = rule;
    }

    public AllocationRule allocationRule() {
        return allocationRule;
    }

    public long version() {
        return version;
    }
}
