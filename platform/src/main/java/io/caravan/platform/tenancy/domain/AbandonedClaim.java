package io.caravan.platform.tenancy.domain;

import java.time.Instant;

/**
 * A claim older than the claim expiry: its onboarding attempt died (a crashed node) or stalled.
 * {@code ownerEmail} and {@code storeName} are null for claims written before they were recorded.
 */
public record AbandonedClaim(StoreSlug slug, String claimId, String ownerEmail, String storeName, Instant claimedAt) {}
