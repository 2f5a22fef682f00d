package io.caravan.sdk.payments;

/**
 * Where an authorization stands when {@link PaymentAuthorizer#authorize} returns. (A decline is
 * not a status: it is a {@link io.caravan.sdk.plugin.PluginRejectedException}.)
 */
public enum AuthorizationStatus {
    /** The amount is reserved; capture it later with {@link PaymentCapturer}. */
    AUTHORIZED,
    /** The amount was taken at once (methods without a separate capture); nothing to capture. */
    CAPTURED,
    /** The shopper must act at {@link AuthorizationResult#actionUrl()} (3-D Secure, a wallet, a bank). */
    ACTION_REQUIRED,
    /** The provider decides later (bank transfer, voucher); a notification will say how it ended. */
    PENDING
}
