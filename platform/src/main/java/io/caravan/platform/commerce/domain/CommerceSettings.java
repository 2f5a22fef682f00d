package io.caravan.platform.commerce.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A store's checkout settings (when payments are captured, when shipping looks too dear) and its order counter. */
@Entity
@Table(name = "commerce_settings")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class CommerceSettings {
    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Column(name = "last_order_number", nullable = false)
    private long lastOrderNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "capture_mode", nullable = false)
    private CaptureMode captureMode;

    @Column(name = "shipping_warning_percent", nullable = false)
    private int shippingWarningPercent;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** When an authorised payment is captured. */
    public enum CaptureMode {
        /** Right after the authorisation. */
        AT_ONCE,
        /** When the goods ship (fulfilment, issue #14), or when the merchant captures. */
        ON_SHIPMENT
    }

    public static final int DEFAULT_SHIPPING_WARNING_PERCENT = 15;

    protected CommerceSettings() {}

    public CommerceSettings(String id, CaptureMode captureMode, int shippingWarningPercent, Instant now) {
        this.id = id;
        change(captureMode, shippingWarningPercent, now);
    }

    public void change(CaptureMode mode, int warningPercent, Instant now) {
        this.captureMode = mode;
        this.shippingWarningPercent = warningPercent;
        this.updatedAt = now;
    }

    /** The next order number of the store: call only while holding this row's lock. */
    public long nextOrderNumber() {
        return ++lastOrderNumber;
    }

    public CaptureMode captureMode() {
        return captureMode;
    }

    public int shippingWarningPercent() {
        return shippingWarningPercent;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
