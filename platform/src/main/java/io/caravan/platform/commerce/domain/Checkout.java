package io.caravan.platform.commerce.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A shopper's checkout: what the storefront asked for (lines by SKU, shopper, address, choices) and
 * the last quote the platform computed for it. The request is the truth; the quote is recomputed
 * from it (and from the catalogue, stock and plugins) on every change and again at placement.
 */
@Entity
@Table(name = "checkouts")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class Checkout {
    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Column(nullable = false)
    private String status;

    @Column(nullable = false, updatable = false)
    private String currency;

    @Column(name = "shopper_email", nullable = false)
    private String shopperEmail;

    @Column(name = "shopper_country", nullable = false)
    private String shopperCountry;

    @Column(name = "shopper_locale", nullable = false)
    private String shopperLocale;

    @Column(name = "display_currency", nullable = false)
    private String displayCurrency;

    /** The storefront's request as JSON (CheckoutRequest). */
    @Column(nullable = false)
    private String request;

    /** The last computed quote as JSON (CheckoutQuote); null before the first. */
    @Column
    private String quote;

    @Column(nullable = false)
    private long version;

    @Column(name = "order_id")
    private String orderId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    public static final String OPEN = "OPEN";
    public static final String COMPLETED = "COMPLETED";
    public static final String EXPIRED = "EXPIRED";

    protected Checkout() {}

    public Checkout(
            String id,
            String currency,
            String email,
            String country,
            String locale,
            String displayCurrency,
            String request,
            Instant now,
            Instant expiresAt) {
        this.id = id;
        this.status = OPEN;
        this.currency = currency;
        this.createdAt = now;
        update(email, country, locale, displayCurrency, request, now, expiresAt);
    }

    public void update(
            String email,
            String country,
            String locale,
            String displayCurrency,
            String request,
            Instant now,
            Instant expiresAt) {
        this.shopperEmail = email;
        this.shopperCountry = country;
        this.shopperLocale = locale;
        this.displayCurrency = displayCurrency;
        this.request = request;
        this.updatedAt = now;
        this.expiresAt = expiresAt;
        this.version++;
    }

    public void quoted(String quoteJson) {
        this.quote = quoteJson;
    }

    public void complete(String placedOrderId, Instant now) {
        this.status = COMPLETED;
        this.orderId = placedOrderId;
        this.updatedAt = now;
    }

    /** The order placed from it failed to pay and was cancelled: the shopper may try again. */
    public void reopen(Instant now) {
        this.status = OPEN;
        this.updatedAt = now;
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public String id() {
        return id;
    }

    public String storeId() {
        return storeId;
    }

    public String status() {
        return status;
    }

    public String currency() {
        return currency;
    }

    public String shopperEmail() {
        return shopperEmail;
    }

    public String shopperCountry() {
        return shopperCountry;
    }

    public String shopperLocale() {
        return shopperLocale;
    }

    public String displayCurrency() {
        return displayCurrency;
    }

    public String request() {
        return request;
    }

    public String quote() {
        return quote;
    }

    public long version() {
        return version;
    }

    public String orderId() {
        return orderId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
