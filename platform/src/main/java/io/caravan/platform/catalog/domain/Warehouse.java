package io.caravan.platform.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A place the store ships from: its address, kind (origin hub, overseas, local, third party),
 * handling days, fulfilment cost per item, the merchant's priority and the countries it serves.
 * Identified in the store by its code (also the CSV column {@code stock_<code>}).
 */
@Entity
@Table(name = "catalog_warehouses")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class Warehouse {
    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "address_line1", nullable = false)
    private String addressLine1;

    @Column(name = "address_line2")
    private String addressLine2;

    @Column(nullable = false)
    private String city;

    @Column(name = "postal_code")
    private String postalCode;

    private String region;

    @Column(nullable = false)
    private String country;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private WarehouseKind kind;

    @Column(name = "handling_days", nullable = false)
    private int handlingDays;

    @Column(name = "cost_per_item_minor", nullable = false)
    private long costPerItemMinor;

    @Column(name = "cost_currency", nullable = false)
    private String costCurrency;

    @Column(nullable = false)
    private int priority;

    @Column(name = "serves_countries", nullable = false)
    private String servesCountries;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Warehouse() {}

    public Warehouse(WarehouseDetails details, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.code = details.code();
        this.createdAt = now;
        apply(details);
    }

    /** Replaces everything but the code, which stock rows and CSV columns name. */
    public final void apply(WarehouseDetails details) {
        if (code != null && !code.equals(details.code())) {
            throw new IllegalArgumentException("a warehouse's code does not change");
        }
        this.name = details.name();
        this.addressLine1 = details.addressLine1();
        this.addressLine2 = details.addressLine2();
        this.city = details.city();
        this.postalCode = details.postalCode();
        this.region = details.region();
        this.country = details.country();
        this.kind = details.kind();
        this.handlingDays = details.handlingDays();
        this.costPerItemMinor = details.costPerItemMinor();
        this.costCurrency = details.costCurrency();
        this.priority = details.priority();
        this.servesCountries = TextCodec.strings(List.copyOf(details.servesCountries()));
        this.active = details.active();
    }

    /** Whether this warehouse ships to {@code country}: an empty list serves every country. */
    public boolean serves(String country) {
        Set<String> served = servesCountries();
        return served.isEmpty() || served.contains(country);
    }

    public String id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String addressLine1() {
        return addressLine1;
    }

    public String addressLine2() {
        return addressLine2;
    }

    public String city() {
        return city;
    }

    public String postalCode() {
        return postalCode;
    }

    public String region() {
        return region;
    }

    public String country() {
        return country;
    }

    public WarehouseKind kind() {
        return kind;
    }

    public int handlingDays() {
        return handlingDays;
    }

    public long costPerItemMinor() {
        return costPerItemMinor;
    }

    public String costCurrency() {
        return costCurrency;
    }

    public int priority() {
        return priority;
    }

    public Set<String> servesCountries() {
        return java.util.Collections.unmodifiableSet(new TreeSet<>(TextCodec.strings(servesCountries)));
    }

    public boolean active() {
        return active;
    }

    public long version() {
        return version;
    }

    public WarehouseDetails details() {
        return new WarehouseDetails(
                code,
                name,
                addressLine1,
                addressLine2,
                city,
                postalCode,
                region,
                country,
                kind,
                handlingDays,
                costPerItemMinor,
                costCurrency,
                priority,
                servesCountries(),
                active);
    }
}
