package io.caravan.sdk.payments;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;
import java.time.Instant;

/**
 * The outcome of an authorisation, of its resumption, or of a status query. Prefer the static
 * factories ({@link #authorized}, {@link #declined}, {@link #unknown}, …): each takes exactly what
 * its status needs.
 *
 * <p>The platform checks every result against the attempt it recorded before it records anything:
 * the currency and amount (at most the amount asked for), and that a provider reference, once
 * known, does not change.
 *
 * @param status            where the payment stands
 * @param providerReference the provider's id for the payment, used by resume, status, capture, void,
 *                          refund and notifications; required for AUTHORIZED, CAPTURED, PENDING
 *                          and ACTION_REQUIRED, optional for DECLINED and UNKNOWN, null for
 *                          NOT_ATTEMPTED; at most 128 characters
 * @param amount            the amount authorised, taken or pending (may be less than requested for
 *                          partial authorisations); required and greater than zero for AUTHORIZED,
 *                          CAPTURED and PENDING, null otherwise
 * @param action            what the shopper must do; required for ACTION_REQUIRED, null otherwise
 * @param decline           why the provider declined; required for DECLINED, null otherwise
 * @param expiresAt         when the authorisation (AUTHORIZED) or the pending payment (PENDING)
 *                          expires at the provider, or null if it does not say; null for other statuses
 * @param reason            what happened, for the merchant: required for NOT_ATTEMPTED (why nothing
 *                          was attempted), optional for UNKNOWN (what went wrong: {@code "timeout
 *                          after 15 s"}), null otherwise; at most 300 characters
 */
public record AuthorizationResult(
        AuthorizationStatus status,
        String providerReference,
        Money amount,
        PaymentAction action,
        Decline decline,
        Instant expiresAt,
        String reason) {

    /**
     * Validates the components against the status.
     *
     * @throws IllegalArgumentException if a component the status needs is missing, or one it does
     *                                  not take is present; the message names it
     */
    public AuthorizationResult {
        Checks.required(status, "AuthorizationResult.status");
        Checks.optionalText(providerReference, "AuthorizationResult.providerReference", 128);
        Checks.optionalText(reason, "AuthorizationResult.reason", 300);
        String of = " when status is " + status;
        switch (status) {
            case AUTHORIZED, CAPTURED, PENDING -> {
                present(providerReference, "providerReference", of);
                Checks.positive(amount, "AuthorizationResult.amount");
                absent(action, "action", of);
                absent(decline, "decline", of);
                absent(reason, "reason", of);
                if (status == AuthorizationStatus.CAPTURED) {
                    absent(expiresAt, "expiresAt", of);
                }
            }
            case ACTION_REQUIRED -> {
                present(providerReference, "providerReference", of);
                present(action, "action", of);
                absent(amount, "amount", of);
                absent(decline, "decline", of);
                absent(reason, "reason", of);
                absent(expiresAt, "expiresAt", of);
            }
            case DECLINED -> {
                present(decline, "decline", of);
                absent(amount, "amount", of);
                absent(action, "action", of);
                absent(reason, "reason", of);
                absent(expiresAt, "expiresAt", of);
            }
            case NOT_ATTEMPTED -> {
                present(reason, "reason", of);
                absent(providerReference, "providerReference", of);
                absent(amount, "amount", of);
                absent(action, "action", of);
                absent(decline, "decline", of);
                absent(expiresAt, "expiresAt", of);
            }
            case UNKNOWN -> {
                absent(amount, "amount", of);
                absent(action, "action", of);
                absent(decline, "decline", of);
                absent(expiresAt, "expiresAt", of);
            }
        }
    }

    /**
     * The amount is reserved.
     *
     * @param providerReference the provider's payment id
     * @param amount            the amount authorised
     * @param expiresAt         when the authorisation lapses, or null
     * @return the result
     */
    public static AuthorizationResult authorized(String providerReference, Money amount, Instant expiresAt) {
        return new AuthorizationResult(
                AuthorizationStatus.AUTHORIZED, providerReference, amount, null, null, expiresAt, null);
    }

    /**
     * The amount was taken at once.
     *
     * @param providerReference the provider's payment id
     * @param amount            the amount taken
     * @return the result
     */
    public static AuthorizationResult captured(String providerReference, Money amount) {
        return new AuthorizationResult(AuthorizationStatus.CAPTURED, providerReference, amount, null, null, null, null);
    }

    /**
     * The shopper must act.
     *
     * @param providerReference the provider's payment id
     * @param action            what the shopper must do
     * @return the result
     */
    public static AuthorizationResult actionRequired(String providerReference, PaymentAction action) {
        return new AuthorizationResult(
                AuthorizationStatus.ACTION_REQUIRED, providerReference, null, action, null, null, null);
    }

    /**
     * The provider decides later.
     *
     * @param providerReference the provider's payment id
     * @param amount            the amount pending
     * @param expiresAt         when the pending payment lapses, or null
     * @return the result
     */
    public static AuthorizationResult pending(String providerReference, Money amount, Instant expiresAt) {
        return new AuthorizationResult(
                AuthorizationStatus.PENDING, providerReference, amount, null, null, expiresAt, null);
    }

    /**
     * The provider declined.
     *
     * @param providerReference the provider's payment id, or null if it gave none
     * @param decline           why
     * @return the result
     */
    public static AuthorizationResult declined(String providerReference, Decline decline) {
        return new AuthorizationResult(
                AuthorizationStatus.DECLINED, providerReference, null, null, decline, null, null);
    }

    /**
     * The provider definitely did nothing.
     *
     * @param reason why nothing was attempted
     * @return the result
     */
    public static AuthorizationResult notAttempted(String reason) {
        return new AuthorizationResult(AuthorizationStatus.NOT_ATTEMPTED, null, null, null, null, null, reason);
    }

    /**
     * The plugin does not know whether the provider acted.
     *
     * @param providerReference the provider's payment id if one is known, or null
     * @param reason            what went wrong, or null
     * @return the result
     */
    public static AuthorizationResult unknown(String providerReference, String reason) {
        return new AuthorizationResult(AuthorizationStatus.UNKNOWN, providerReference, null, null, null, null, reason);
    }

    private static void present(Object value, String component, String of) {
        if (value == null) {
            throw new IllegalArgumentException("AuthorizationResult." + component + " is required" + of);
        }
    }

    private static void absent(Object value, String component, String of) {
        if (value != null) {
            throw new IllegalArgumentException("AuthorizationResult." + component + " must be null" + of);
        }
    }
}
