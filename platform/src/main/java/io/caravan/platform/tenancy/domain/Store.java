package io.caravan.platform.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** A tenant: one independent store, its owner and its lifecycle. The store row is platform-owned. */
@Entity
@Table(name = "stores")
public class Store {
    @Id
    private String id;

    @Column(nullable = false, unique = true, updatable = false)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StoreStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "default_currency", nullable = false)
    private String defaultCurrency;

    @Column(name = "selling_countries", nullable = false)
    private String sellingCountries;

    @Enumerated(EnumType.STRING)
    @Column(name = "price_display", nullable = false)
    private PriceDisplay priceDisplay;

    @Column(name = "owner_email", nullable = false, updatable = false)
    private String ownerEmail;

    @Column(name = "owner_first_name", nullable = false, updatable = false)
    private String ownerFirstName;

    @Column(name = "owner_last_name", nullable = false, updatable = false)
    private String ownerLastName;

    @Column(name = "owner_user_id", nullable = false, updatable = false)
    private String ownerUserId;

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organizationId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Store() {}

    public static Store onboard(
            StoreSlug slug, StoreSettings settings, StoreOwner owner, String organizationId, Instant now) {
        Store store = new Store();
        store.id = UUID.randomUUID().toString();
        store.slug = slug.value();
        store.status = StoreStatus.ACTIVE;
        store.ownerEmail = owner.email();
        store.ownerFirstName = owner.firstName();
        store.ownerLastName = owner.lastName();
        store.ownerUserId = owner.userId();
        store.organizationId = organizationId;
        store.createdAt = now;
        store.apply(settings, now);
        return store;
    }

    public void apply(StoreSettings settings, Instant now) {
        this.name = settings.name();
        this.defaultCurrency = settings.defaultCurrency().getCurrencyCode();
        this.sellingCountries = String.join(",", settings.sellingCountries());
        this.priceDisplay = settings.priceDisplay();
        this.updatedAt = now;
    }

    public void suspend(String reason, Instant now) {
        if (status == StoreStatus.SUSPENDED) {
            throw new StoreStateException("store " + slug + " is already suspended");
        }
        status = StoreStatus.SUSPENDED;
        statusReason = reason;
        updatedAt = now;
    }

    public void reactivate(Instant now) {
        if (status == StoreStatus.ACTIVE) {
            throw new StoreStateException("store " + slug + " is already active");
        }
        status = StoreStatus.ACTIVE;
        statusReason = null;
        updatedAt = now;
    }

    /** True when a retried onboarding request describes this very store (same slug, owner and name). */
    public boolean matchesOnboarding(String requestedName, String requestedOwnerEmail) {
        return name.equals(requestedName.strip()) && ownerEmail.equalsIgnoreCase(requestedOwnerEmail);
    }

    public boolean isActive() {
        return status == StoreStatus.ACTIVE;
    }

    public String id() {
        return id;
    }

    public StoreSlug slug() {
        return new StoreSlug(slug);
    }

    public StoreSettings settings() {
        return new StoreSettings(name, Currency.getInstance(defaultCurrency), countries(), priceDisplay);
    }

    private List<String> countries() {
        return Arrays.asList(sellingCountries.split(","));
    }

    public StoreStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public StoreOwner owner() {
        return new StoreOwner(ownerUserId, ownerEmail, ownerFirstName, ownerLastName);
    }

    public String organizationId() {
        return organizationId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
