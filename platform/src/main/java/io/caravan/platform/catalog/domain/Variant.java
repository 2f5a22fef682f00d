package io.caravan.platform.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A sellable unit of a product, identified in the store by its SKU: option values (size, colour),
 * prices per currency in minor units, weight and dimensions, customs data (HS code, origin) and
 * the flags returns and carriers need. Concurrency is the product's: every change of a variant
 * touches its product.
 */
@Entity
@Table(name = "catalog_variants")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class Variant {
    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Column(name = "product_id", nullable = false, updatable = false)
    private String productId;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(nullable = false)
    private String sku;

    @Column(name = "option_values", nullable = false)
    private String optionValues;

    @Column(nullable = false)
    private String prices;

    @Column(name = "weight_g", nullable = false)
    private long weightGrams;

    @Column(name = "length_mm", nullable = false)
    private long lengthMm;

    @Column(name = "width_mm", nullable = false)
    private long widthMm;

    @Column(name = "height_mm", nullable = false)
    private long heightMm;

    @Column(name = "hs_code")
    private String hsCode;

    @Column(name = "origin_country")
    private String originCountry;

    @Column(nullable = false)
    private String flags;

    protected Variant() {}

    public Variant(String productId, int sortOrder, VariantDetails details) {
        this.id = UUID.randomUUID().toString();
        this.productId = productId;
        apply(sortOrder, details);
    }

    public final void apply(int order, VariantDetails details) {
        this.sortOrder = order;
        this.sku = details.sku();
        this.optionValues = TextCodec.stringMap(details.options());
        this.prices = TextCodec.longMap(details.prices());
        this.weightGrams = details.weightGrams();
        this.lengthMm = details.lengthMm();
        this.widthMm = details.widthMm();
        this.heightMm = details.heightMm();
        this.hsCode = details.hsCode();
        this.originCountry = details.originCountry();
        this.flags = details.flags().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    public String id() {
        return id;
    }

    public String productId() {
        return productId;
    }

    public int sortOrder() {
        return sortOrder;
    }

    public String sku() {
        return sku;
    }

    public Map<String, String> options() {
        return TextCodec.stringMap(optionValues);
    }

    public Map<String, Long> prices() {
        return TextCodec.longMap(prices);
    }

    public long weightGrams() {
        return weightGrams;
    }

    public long lengthMm() {
        return lengthMm;
    }

    public long widthMm() {
        return widthMm;
    }

    public long heightMm() {
        return heightMm;
    }

    public String hsCode() {
        return hsCode;
    }

    public String originCountry() {
        return originCountry;
    }

    public Set<VariantFlag> flags() {
        if (flags.isEmpty()) {
            return Set.of();
        }
        EnumSet<VariantFlag> set = EnumSet.noneOf(VariantFlag.class);
        Arrays.stream(flags.split(",")).map(VariantFlag::valueOf).forEach(set::add);
        return java.util.Collections.unmodifiableSet(set);
    }

    public VariantDetails details() {
        return new VariantDetails(
                sku, options(), prices(), weightGrams, lengthMm, widthMm, heightMm, hsCode, originCountry, flags());
    }
}
