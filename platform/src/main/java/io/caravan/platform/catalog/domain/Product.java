package io.caravan.platform.catalog.domain;

import io.caravan.sdk.model.TaxCategory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A product of the store's catalogue: what the shopper sees (handle, title, description,
 * categories), whether it is on sale, and its tax category. Its sellable units are its
 * {@link Variant}s. The version moves with every change of the product or its variants (the
 * ETag of the merchant API).
 */
@Entity
@Table(name = "catalog_products")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class Product {
    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Column(nullable = false)
    private String handle;

    @Column(nullable = false)
    private String title;

    private String description;

    @Column(nullable = false)
    private String categories;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProductStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "tax_category", nullable = false)
    private TaxCategory taxCategory;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Product() {}

    public Product(ProductDetails details, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.createdAt = now;
        apply(details, now);
    }

    /** Replaces what the merchant edits; the version moves on flush. */
    public final void apply(ProductDetails details, Instant now) {
        this.handle = details.handle();
        this.title = details.title();
        this.description = details.description();
        this.categories = TextCodec.strings(details.categories());
        this.status = details.status();
        this.taxCategory = details.taxCategory();
        this.updatedAt = now;
    }

    public void archive(Instant now) {
        this.status = ProductStatus.ARCHIVED;
        this.updatedAt = now;
    }

    /** Marks a change of the product's variants, so its version (the ETag) moves too. */
    public void touch(Instant now) {
        this.updatedAt = now.equals(updatedAt) ? now.plusNanos(1000) : now;
    }

    public String id() {
        return id;
    }

    public String handle() {
        return handle;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public List<String> categories() {
        return TextCodec.strings(categories);
    }

    public ProductStatus status() {
        return status;
    }

    public TaxCategory taxCategory() {
        return taxCategory;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
