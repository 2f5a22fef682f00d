package io.caravan.sdk.payments;

/**
 * Where an authorisation stands when {@link PaymentAuthorizer#authorize}, {@link PaymentAuthorizer#resume}
 * or {@link PaymentStatusQuery#status} returns.
 *
 * <p><b>Failover.</b> Only {@link #DECLINED} and {@link #NOT_ATTEMPTED} are definite "no money
 * moved" answers that let the platform try the store's next provider. {@link #UNKNOWN} (and any
 * exception or timeout of the call, which the platform treats the same way) is never failed over:
 * the platform first resolves it with a status query by the attempt's key or a provider
 * notification, because the provider may have charged.
 */
public enum AuthorizationStatus {
    /** The amount is reserved; capture it later with {@link PaymentCapturer}. */
    AUTHORIZED,
    /** The amount was taken at once (methods without a separate capture); nothing to capture. */
    CAPTURED,
    /** The shopper must act ({@link AuthorizationResult#action()}: a redirect, a QR code, an SDK step). */
    ACTION_REQUIRED,
    /** The provider decides later (bank transfer, voucher); a notification or status query says how it ended. */
    PENDING,
    /** The provider declined ({@link AuthorizationResult#decline()}). Definite: no money moved. */
    DECLINED,
    /**
     * The provider definitely did nothing: the request was refused before any charge (a validation
     * error, the method unavailable for this amount or country), or the provider has no record of the
     * attempt's key. Definite: no money moved.
     */
    NOT_ATTEMPTED,
    /**
     * The plugin does not know whether the provider acted (a timeout, a lost answer, a 5xx after
     * sending). The platform resolves it by {@link PaymentStatusQuery} or a notification before
     * anything else happens to the attempt.
     */
    UNKNOWN;

    /**
     * Whether the answer is definite that no money moved, so the platform may try the next provider.
     *
     * @return true for {@link #DECLINED} and {@link #NOT_ATTEMPTED}
     */
    public boolean allowsFailover() {
        return this == DECLINED || this == NOT_ATTEMPTED;
    }
}
