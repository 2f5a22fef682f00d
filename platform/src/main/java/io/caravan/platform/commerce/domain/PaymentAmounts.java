package io.caravan.platform.commerce.domain;

/**
 * What a payment holds, in minor units of its currency, kept as amounts rather than a state
 * machine (Saleor's model): a capture moves money from {@code authorized} to {@code captured}, a
 * refund adds to {@code refunded}, a void moves what is still authorized to {@code voided}. The
 * payment's and the order's statuses are derived from these figures, never stored beside them.
 * Every operation checks its bounds exactly ({@code Math.*Exact}) and refuses what would make an
 * amount negative or move more than the provider holds.
 */
public record PaymentAmounts(
        long authorized,
        long authorizePending,
        long captured,
        long capturePending,
        long refunded,
        long refundPending,
        long voided) {

    public static final PaymentAmounts NONE = new PaymentAmounts(0, 0, 0, 0, 0, 0, 0);

    public PaymentAmounts {
        if (authorized < 0
                || authorizePending < 0
                || captured < 0
                || capturePending < 0
                || refunded < 0
                || refundPending < 0
                || voided < 0) {
            throw new IllegalArgumentException("payment amounts cannot be negative");
        }
        if (refunded > captured) {
            throw new IllegalArgumentException("cannot refund " + refunded + " of " + captured + " captured");
        }
    }

    /** The provider reserved {@code amount} (an authorisation, or a pending one that succeeded). */
    public PaymentAmounts authorize(long amount) {
        return new PaymentAmounts(
                Math.addExact(authorized, amount),
                Math.max(0, authorizePending - amount),
                captured,
                capturePending,
                refunded,
                refundPending,
                voided);
    }

    /** The provider took {@code amount} at once, with no separate authorisation. */
    public PaymentAmounts charge(long amount) {
        return new PaymentAmounts(
                authorized,
                Math.max(0, authorizePending - amount),
                Math.addExact(captured, amount),
                capturePending,
                refunded,
                refundPending,
                voided);
    }

    /** The shopper has to finish (redirect, QR, voucher): the amount is pending authorisation. */
    public PaymentAmounts pendingAuthorization(long amount) {
        return new PaymentAmounts(
                authorized,
                Math.addExact(authorizePending, amount),
                captured,
                capturePending,
                refunded,
                refundPending,
                voided);
    }

    /** Nothing more will come of the pending authorisation (declined, expired). */
    public PaymentAmounts dropPendingAuthorization() {
        return new PaymentAmounts(authorized, 0, captured, capturePending, refunded, refundPending, voided);
    }

    /** The authorisation lapsed at the provider: what was reserved is no longer there. */
    public PaymentAmounts expireAuthorization() {
        return new PaymentAmounts(0, 0, captured, capturePending, refunded, refundPending, voided);
    }

    /** Moves {@code amount} from authorized to captured. */
    public PaymentAmounts capture(long amount) {
        if (amount <= 0 || amount > authorized) {
            throw new IllegalArgumentException("cannot capture " + amount + " of " + authorized + " authorized");
        }
        return new PaymentAmounts(
                authorized - amount,
                authorizePending,
                Math.addExact(captured, amount),
                Math.max(0, capturePending - amount),
                refunded,
                refundPending,
                voided);
    }

    public PaymentAmounts pendingCapture(long amount) {
        if (amount <= 0 || Math.addExact(amount, capturePending) > authorized) {
            throw new IllegalArgumentException("cannot capture " + amount + " of " + authorized + " authorized");
        }
        return new PaymentAmounts(
                authorized, authorizePending, captured, capturePending + amount, refunded, refundPending, voided);
    }

    public PaymentAmounts dropPendingCapture(long amount) {
        return new PaymentAmounts(
                authorized,
                authorizePending,
                captured,
                Math.max(0, capturePending - amount),
                refunded,
                refundPending,
                voided);
    }

    /** Moves what is still authorized to voided. */
    public PaymentAmounts voidRemaining() {
        return new PaymentAmounts(0, 0, captured, 0, refunded, refundPending, Math.addExact(voided, authorized));
    }

    /** Gives back {@code amount} of what was captured. */
    public PaymentAmounts refund(long amount) {
        if (amount <= 0 || Math.addExact(refunded, amount) > captured) {
            throw new IllegalArgumentException(
                    "cannot refund " + amount + ": " + captured + " captured, " + refunded + " refunded");
        }
        return new PaymentAmounts(
                authorized,
                authorizePending,
                captured,
                capturePending,
                refunded + amount,
                Math.max(0, refundPending - amount),
                voided);
    }

    public PaymentAmounts pendingRefund(long amount) {
        if (amount <= 0 || Math.addExact(Math.addExact(refunded, refundPending), amount) > captured) {
            throw new IllegalArgumentException("cannot refund " + amount + ": " + captured + " captured, " + refunded
                    + " refunded, " + refundPending + " pending");
        }
        return new PaymentAmounts(
                authorized, authorizePending, captured, capturePending, refunded, refundPending + amount, voided);
    }

    public PaymentAmounts dropPendingRefund(long amount) {
        return new PaymentAmounts(
                authorized,
                authorizePending,
                captured,
                capturePending,
                refunded,
                Math.max(0, refundPending - amount),
                voided);
    }

    /** The provider took the money back (a lost dispute): counted as refunded. */
    public PaymentAmounts chargeBack(long amount) {
        long taken = Math.min(amount, captured - refunded);
        return new PaymentAmounts(
                authorized, authorizePending, captured, capturePending, refunded + taken, refundPending, voided);
    }

    /** What could still be captured. */
    public long capturable() {
        return authorized - capturePending;
    }

    /** What could still be refunded. */
    public long refundable() {
        return captured - refunded - refundPending;
    }

    public boolean anyPending() {
        return authorizePending > 0 || capturePending > 0 || refundPending > 0;
    }

    /** The sum over several payments of one order (all in its currency). */
    public PaymentAmounts plus(PaymentAmounts other) {
        return new PaymentAmounts(
                Math.addExact(authorized, other.authorized),
                Math.addExact(authorizePending, other.authorizePending),
                Math.addExact(captured, other.captured),
                Math.addExact(capturePending, other.capturePending),
                Math.addExact(refunded, other.refunded),
                Math.addExact(refundPending, other.refundPending),
                Math.addExact(voided, other.voided));
    }
}
