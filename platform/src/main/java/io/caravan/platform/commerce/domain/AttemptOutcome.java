package io.caravan.platform.commerce.domain;

/**
 * Where one payment attempt at one provider stands, as far as the platform knows. Only
 * {@link #DECLINED} and {@link #NOT_ATTEMPTED} are definite failures that allow the next provider;
 * {@link #REQUESTED} (recorded, no answer yet) and {@link #UNKNOWN} must be resolved by a status
 * query or a notification first, because the provider may have charged.
 */
public enum AttemptOutcome {
    /** Recorded before the provider call; no answer yet (a crash here leaves it to the resolver). */
    REQUESTED(false, false),
    AUTHORIZED(false, false),
    /** Taken at once (no separate capture). */
    CAPTURED(false, false),
    /** The shopper has to act (redirect, QR, voucher, the provider's SDK). */
    ACTION_REQUIRED(false, false),
    /** The provider decides later (bank transfer, voucher); a notification or a query says how it ended. */
    PENDING(false, false),
    /** The provider may or may not have acted: resolved by status query or notification. */
    UNKNOWN(false, false),
    DECLINED(true, true),
    NOT_ATTEMPTED(true, true),
    /** The pending payment or the shopper's action timed out unpaid. */
    EXPIRED(true, false),
    /** The order was cancelled while the attempt was still open. */
    CANCELLED(true, false);

    private final boolean finished;
    private final boolean allowsNextProvider;

    AttemptOutcome(boolean finished, boolean allowsNextProvider) {
        this.finished = finished;
        this.allowsNextProvider = allowsNextProvider;
    }

    /** No money came of it and none will. */
    public boolean failed() {
        return finished;
    }

    /** Definitely nothing charged: the next provider may be tried. */
    public boolean allowsNextProvider() {
        return allowsNextProvider;
    }

    /** Still waiting for the provider, the shopper or a resolution. */
    public boolean open() {
        return this == REQUESTED || this == ACTION_REQUIRED || this == PENDING || this == UNKNOWN;
    }
}
