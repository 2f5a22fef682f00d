package io.caravan.platform.marketplace.domain;

import io.caravan.platform.shared.domain.InvalidInputException;
import io.caravan.platform.shared.domain.StateConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A plugin's page in the marketplace, owned by the developer who created it. Its slug is the
 * plugin id every version's descriptor must carry; the first upload binds the bundle symbolic
 * name, and later versions must keep it.
 */
@Entity
@Table(name = "listings")
public class Listing {
    @Id
    private String id;

    @Column(name = "plugin_id", nullable = false, updatable = false)
    private String pluginId;

    @Column(name = "symbolic_name")
    private String symbolicName;

    @Column(name = "developer_id", nullable = false, updatable = false)
    private String developerId;

    @Column(name = "developer_name", nullable = false)
    private String developerName;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String summary;

    /** JSON object: locale → description. */
    @Column(nullable = false)
    private String descriptions;

    @Column(nullable = false)
    private String categories;

    @Column(nullable = false)
    private String kinds;

    @Column(nullable = false)
    private String countries;

    @Enumerated(EnumType.STRING)
    @Column(name = "pricing_model", nullable = false)
    private PricingModel pricingModel;

    @Column(name = "price_minor")
    private Long priceMinor;

    @Column(name = "price_currency")
    private String priceCurrency;

    @Column(name = "trial_days", nullable = false)
    private int trialDays;

    @Column(name = "support_email", nullable = false)
    private String supportEmail;

    @Column(name = "support_url")
    private String supportUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ListingStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /**
     * How many stores rated it, and their stars summed. Changed only by atomic deltas in the
     * database ({@link ListingReviewRepository#adjustRating}), never through this entity.
     */
    @Column(name = "rating_count", nullable = false)
    private long ratingCount;

    @Column(name = "rating_sum", nullable = false)
    private long ratingSum;

    @Version
    private long version;

    protected Listing() {}

    public Listing(String pluginId, String developerId, String developerName, ListingDetails details, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.pluginId = pluginId;
        this.developerId = developerId;
        this.developerName = developerName;
        this.status = ListingStatus.ACTIVE;
        this.createdAt = now;
        apply(details, now);
    }

    public void apply(ListingDetails d, Instant now) {
        this.name = d.name();
        this.summary = d.summary();
        this.descriptions = d.descriptionsJson();
        this.categories = String.join(" ", d.categories());
        this.kinds = String.join(" ", d.kinds());
        this.countries = String.join(" ", d.countries());
        this.pricingModel = d.pricing().model();
        this.priceMinor = d.pricing().amountMinor();
        this.priceCurrency = d.pricing().currency();
        this.trialDays = d.pricing().trialDays();
        this.supportEmail = d.supportEmail();
        this.supportUrl = d.supportUrl();
        this.updatedAt = now;
    }

    /** Binds the bundle symbolic name on the first upload; later uploads must match it. */
    public void bindSymbolicName(String bundleSymbolicName) {
        if (symbolicName == null) {
            symbolicName = bundleSymbolicName;
        } else if (!symbolicName.equals(bundleSymbolicName)) {
            throw new InvalidInputException(
                    "listing " + pluginId + " is bundle " + symbolicName + "; this upload is " + bundleSymbolicName);
        }
    }

    public void suspend(String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("a suspension needs a reason");
        }
        this.status = ListingStatus.SUSPENDED;
        this.statusReason = reason;
        this.updatedAt = now;
    }

    public void reinstate(Instant now) {
        if (status != ListingStatus.SUSPENDED) {
            throw new StateConflictException("listing " + pluginId + " is not suspended");
        }
        this.status = ListingStatus.ACTIVE;
        this.statusReason = null;
        this.updatedAt = now;
    }

    public boolean isOwnedBy(String userId) {
        return developerId.equals(userId);
    }

    public boolean isActive() {
        return status == ListingStatus.ACTIVE;
    }

    public String id() {
        return id;
    }

    public String pluginId() {
        return pluginId;
    }

    public String symbolicName() {
        return symbolicName;
    }

    public String developerId() {
        return developerId;
    }

    public String developerName() {
        return developerName;
    }

    public String name() {
        return name;
    }

    public String summary() {
        return summary;
    }

    public String descriptionsJson() {
        return descriptions;
    }

    public List<String> categories() {
        return split(categories);
    }

    public List<String> kinds() {
        return split(kinds);
    }

    public List<String> countries() {
        return split(countries);
    }

    public Pricing pricing() {
        return new Pricing(pricingModel, priceMinor, priceCurrency, trialDays);
    }

    public String supportEmail() {
        return supportEmail;
    }

    public String supportUrl() {
        return supportUrl;
    }

    public ListingStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The rating as read with this listing (the review endpoints read it fresh after a change). */
    public Rating rating() {
        return new Rating(ratingCount, ratingSum);
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split(" "));
    }
}
