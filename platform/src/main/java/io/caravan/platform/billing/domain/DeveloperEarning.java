package io.caravan.platform.billing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/**
 * The developer's side of one store charge: gross, the platform's fee (gross × share, rounded
 * half-even to a minor unit), net. Platform-owned; carries no store identity beyond the charge id.
 */
@Entity
@Table(name = "developer_earnings")
public class DeveloperEarning {
    @Id
    private String id;

    @Column(name = "charge_id", nullable = false, updatable = false)
    private String chargeId;

    @Column(name = "listing_id", nullable = false, updatable = false)
    private String listingId;

    @Column(name = "developer_id", nullable = false, updatable = false)
    private String developerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ChargeKind kind;

    @Column(name = "gross_minor", nullable = false, updatable = false)
    private long grossMinor;

    @Column(name = "platform_fee_minor", nullable = false, updatable = false)
    private long platformFeeMinor;

    @Column(name = "net_minor", nullable = false, updatable = false)
    private long netMinor;

    @Column(nullable = false, updatable = false)
    private String currency;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected DeveloperEarning() {}

    public DeveloperEarning(StoreCharge charge, String developerId, BigDecimal platformShare, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.chargeId = charge.id();
        this.listingId = charge.listingId();
        this.developerId = developerId;
        this.kind = charge.kind();
        this.grossMinor = charge.amountMinor();
        this.platformFeeMinor = platformFee(charge.amountMinor(), platformShare);
        this.netMinor = grossMinor - platformFeeMinor;
        this.currency = charge.currency();
        this.createdAt = now;
    }

    /** The platform's fee on an amount, in minor units, rounded half-even. */
    public static long platformFee(long grossMinor, BigDecimal share) {
        return BigDecimal.valueOf(grossMinor)
                .multiply(share)
                .setScale(0, RoundingMode.HALF_EVEN)
                .longValueExact();
    }

    public String listingId() {
        return listingId;
    }

    public long grossMinor() {
        return grossMinor;
    }

    public long platformFeeMinor() {
        return platformFeeMinor;
    }

    public long netMinor() {
        return netMinor;
    }

    public String currency() {
        return currency;
    }

    public ChargeKind kind() {
        return kind;
    }
}
