package io.caravan.platform.marketplace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One store's rating and review of one listing: a public statement about a plugin, so the row is
 * platform-owned (every store's catalog and the listing's developer read it), while only the store
 * that wrote it may change it. {@code storeId} and {@code author} say who wrote it; neither is ever
 * shown to anyone but that store.
 */
@Entity
@Table(name = "listing_reviews")
public class ListingReview {
    @Id
    private String id;

    @Column(name = "listing_id", nullable = false, updatable = false)
    private String listingId;

    @Column(name = "plugin_id", nullable = false, updatable = false)
    private String pluginId;

    @Column(name = "store_id", nullable = false, updatable = false)
    private String storeId;

    @Column(nullable = false)
    private int stars;

    private String title;

    private String body;

    /** The username of the store member who last wrote it. */
    @Column(nullable = false)
    private String author;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ListingReview() {}

    public ListingReview(
            Listing listing, String storeId, Integer stars, String title, String body, String author, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.listingId = listing.id();
        this.pluginId = listing.pluginId();
        this.storeId = Objects.requireNonNull(storeId);
        this.createdAt = stored(now);
        write(stars, title, body, author, now);
    }

    /** Replaces the stars and text; returns the stars it had before. */
    public int revise(Integer stars, String title, String body, String author, Instant now) {
        int before = this.stars;
        write(stars, title, body, author, now);
        return before;
    }

    private void write(Integer stars, String title, String body, String author, Instant now) {
        this.stars = ReviewText.stars(stars);
        this.title = ReviewText.title(title);
        this.body = ReviewText.body(body);
        this.author = Objects.requireNonNull(author);
        this.updatedAt = stored(now);
    }

    /** The precision the database keeps, so the answer to a write shows the dates every later read shows. */
    private static Instant stored(Instant now) {
        return now.truncatedTo(ChronoUnit.MICROS);
    }

    public boolean isBy(String storeId) {
        return this.storeId.equals(storeId);
    }

    public String id() {
        return id;
    }

    public String listingId() {
        return listingId;
    }

    public String pluginId() {
        return pluginId;
    }

    public String storeId() {
        return storeId;
    }

    public int stars() {
        return stars;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    public String author() {
        return author;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
