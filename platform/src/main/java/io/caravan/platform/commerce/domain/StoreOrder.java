package io.caravan.platform.commerce.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A placed order: the platform's record of what was bought at which price (the snapshot the
 * shopper accepted, with who produced every figure), and where it stands in four facets —
 * lifecycle, payment, fulfilment, returns — rather than one status. The payment facet is derived
 * from the order's payments ({@link PaymentAmounts}); the fulfilment facet holds the order back
 * while a cash-on-delivery order awaits the shopper's confirmation.
 */
@Entity
@Table(name = "orders")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class StoreOrder {
    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Column(name = "order_number", nullable = false, updatable = false)
    private long number;

    @Column(name = "checkout_id", nullable = false, updatable = false)
    private String checkoutId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Lifecycle status;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_status", nullable = false)
    private PaymentFacet paymentStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "fulfilment_status", nullable = false)
    private FulfilmentFacet fulfilmentStatus;

    @Column(name = "return_status", nullable = false)
    private String returnStatus;

    @Column(nullable = false, updatable = false)
    private String currency;

    @Column(name = "total_minor", nullable = false, updatable = false)
    private long totalMinor;

    @Column(name = "shopper_email", nullable = false, updatable = false)
    private String shopperEmail;

    @Column(name = "ship_to_country", nullable = false, updatable = false)
    private String shipToCountry;

    @Column(name = "method_code", nullable = false, updatable = false)
    private String methodCode;

    @Column(nullable = false, updatable = false)
    private boolean cod;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Confirmation confirmation;

    /** The accepted quote, as JSON (see {@code OrderSnapshot}); never changes after placement. */
    @Column(nullable = false, updatable = false)
    private String snapshot;

    /** The SDK cart the order was placed with (the plugins' view), as the sandbox protocol writes it. */
    @Column(nullable = false, updatable = false)
    private String cart;

    /** The sequence number of the order's last event (events are numbered 1, 2, 3… per order). */
    @Column(name = "event_sequence", nullable = false)
    private long eventSequence;

    @Column(nullable = false)
    private long version;

    @Column(name = "cancel_reason")
    private String cancelReason;

    @Column(name = "placed_at", nullable = false, updatable = false)
    private Instant placedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The order's lifecycle facet. */
    public enum Lifecycle {
        PLACED,
        CONFIRMED,
        CANCELLED,
        COMPLETED
    }

    /** The payment facet, derived from the payments' amounts. */
    public enum PaymentFacet {
        NOT_PAID,
        PENDING,
        AUTHORIZED,
        PARTIALLY_CAPTURED,
        PAID,
        PARTIALLY_REFUNDED,
        REFUNDED,
        VOIDED,
        FAILED
    }

    /** The fulfilment facet; shipping states arrive with fulfilment (issue #14). */
    public enum FulfilmentFacet {
        UNFULFILLED,
        AWAITING_CONFIRMATION,
        RELEASED,
        PARTIALLY_SHIPPED,
        SHIPPED,
        PARTIALLY_DELIVERED,
        DELIVERED
    }

    /** The shopper's confirmation of a cash-on-delivery order before dispatch. */
    public enum Confirmation {
        NOT_REQUIRED,
        PENDING,
        CONFIRMED,
        REFUSED
    }

    protected StoreOrder() {}

    public StoreOrder(
            String id,
            long number,
            String checkoutId,
            String currency,
            long totalMinor,
            String shopperEmail,
            String shipToCountry,
            String methodCode,
            boolean cod,
            boolean confirmationRequired,
            String snapshot,
            String cart,
            Instant now) {
        if (totalMinor < 0) {
            throw new IllegalArgumentException("an order total cannot be negative");
        }
        this.id = Objects.requireNonNull(id);
        this.number = number;
        this.checkoutId = Objects.requireNonNull(checkoutId);
        this.status = Lifecycle.PLACED;
        this.paymentStatus = PaymentFacet.NOT_PAID;
        this.fulfilmentStatus = FulfilmentFacet.UNFULFILLED;
        this.returnStatus = "NONE";
        this.currency = currency;
        this.totalMinor = totalMinor;
        this.shopperEmail = shopperEmail;
        this.shipToCountry = shipToCountry;
        this.methodCode = methodCode;
        this.cod = cod;
        this.confirmation = confirmationRequired ? Confirmation.PENDING : Confirmation.NOT_REQUIRED;
        this.snapshot = snapshot;
        this.cart = cart;
        this.placedAt = now;
        this.updatedAt = now;
    }

    /** The next event's sequence number, taken: call only while holding the order's row lock. */
    public long nextEventSequence() {
        return ++eventSequence;
    }

    /** Sets the payment facet and releases the order to the warehouse when it may go. */
    public void paymentChanged(PaymentFacet facet, Instant now) {
        this.paymentStatus = facet;
        touch(now);
    }

    /**
     * Whether the order may go to the warehouse now: not cancelled, not yet released, paid or
     * secured (authorised / taken), or cash on delivery confirmed by the shopper.
     */
    public boolean releasable() {
        if (status == Lifecycle.CANCELLED
                || fulfilmentStatus != FulfilmentFacet.UNFULFILLED
                        && fulfilmentStatus != FulfilmentFacet.AWAITING_CONFIRMATION) {
            return false;
        }
        if (cod) {
            // nothing is collected before delivery: the shopper's confirmation is what secures it
            return confirmation == Confirmation.CONFIRMED || confirmation == Confirmation.NOT_REQUIRED;
        }
        return paymentStatus == PaymentFacet.AUTHORIZED
                || paymentStatus == PaymentFacet.PAID
                || paymentStatus == PaymentFacet.PARTIALLY_CAPTURED;
    }

    public void awaitConfirmation(Instant now) {
        this.fulfilmentStatus = FulfilmentFacet.AWAITING_CONFIRMATION;
        touch(now);
    }

    public void release(Instant now) {
        this.fulfilmentStatus = FulfilmentFacet.RELEASED;
        if (status == Lifecycle.PLACED) {
            status = Lifecycle.CONFIRMED;
        }
        touch(now);
    }

    public void confirm(Instant now) {
        this.confirmation = Confirmation.CONFIRMED;
        touch(now);
    }

    public void refuseConfirmation(Instant now) {
        this.confirmation = Confirmation.REFUSED;
        touch(now);
    }

    public void cancel(String reason, Instant now) {
        this.status = Lifecycle.CANCELLED;
        this.cancelReason = reason;
        touch(now);
    }

    private void touch(Instant now) {
        this.updatedAt = now;
        this.version++;
    }

    public String id() {
        return id;
    }

    public String storeId() {
        return storeId;
    }

    public long number() {
        return number;
    }

    public String checkoutId() {
        return checkoutId;
    }

    public Lifecycle status() {
        return status;
    }

    public PaymentFacet paymentStatus() {
        return paymentStatus;
    }

    public FulfilmentFacet fulfilmentStatus() {
        return fulfilmentStatus;
    }

    public String returnStatus() {
        return returnStatus;
    }

    public String currency() {
        return currency;
    }

    public long totalMinor() {
        return totalMinor;
    }

    public String shopperEmail() {
        return shopperEmail;
    }

    public String shipToCountry() {
        return shipToCountry;
    }

    public String methodCode() {
        return methodCode;
    }

    public boolean cod() {
        return cod;
    }

    public Confirmation confirmation() {
        return confirmation;
    }

    public String snapshot() {
        return snapshot;
    }

    public String cart() {
        return cart;
    }

    public long eventSequence() {
        return eventSequence;
    }

    public long version() {
        return version;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
