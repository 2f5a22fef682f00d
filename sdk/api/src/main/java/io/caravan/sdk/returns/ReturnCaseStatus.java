package io.caravan.sdk.returns;

/**
 * Where a return case stands: the platform's vocabulary, moved only by the platform (a plugin
 * decides and proposes; it never sets a case's state). The way through:
 * {@code REQUESTED → AUTHORIZED | DECLINED}; {@code AUTHORIZED → IN_TRANSIT → PARTIALLY_RECEIVED →
 * RECEIVED → INSPECTED → REFUNDED | REPLACED | CLOSED}; {@code AUTHORIZED → INSPECTED} when the
 * shopper keeps the goods; {@code CANCELLED} from any state before the goods are received. New
 * states may be added in a minor version.
 */
public enum ReturnCaseStatus {
    /** The shopper or the merchant opened the case; not decided yet. */
    REQUESTED(false),
    /** Accepted (some lines or all): an RMA number, a destination, a due date to send the goods. */
    AUTHORIZED(false),
    /** Refused as a whole; the answer names the rule. */
    DECLINED(true),
    /** The return shipment is on its way back. */
    IN_TRANSIT(false),
    /** Some of the authorised units arrived. */
    PARTIALLY_RECEIVED(false),
    /** Every authorised unit arrived. */
    RECEIVED(false),
    /** The goods were inspected and graded; the resolution is next. */
    INSPECTED(false),
    /** The money went back (to the payment, by bank transfer, or as store credit). */
    REFUNDED(true),
    /** Replacement or exchange goods were sent. */
    REPLACED(true),
    /** Finished without a refund or replacement (nothing was due, or it was settled another way). */
    CLOSED(true),
    /** Withdrawn by the shopper or the merchant before the goods were received. */
    CANCELLED(true);

    private final boolean isFinal;

    ReturnCaseStatus(boolean isFinal) {
        this.isFinal = isFinal;
    }

    /**
     * Whether the case is over in this state.
     *
     * @return true for {@code DECLINED}, {@code REFUNDED}, {@code REPLACED}, {@code CLOSED}, {@code CANCELLED}
     */
    public boolean isFinal() {
        return isFinal;
    }
}
