package io.caravan.sdk.payments;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;
import java.time.Duration;
import java.util.Set;

/**
 * A way to pay that a checkout can offer, as one provider offers it.
 *
 * @param methodCode            the method's code in the shared vocabulary ({@link PaymentMethodCodes}:
 *                              {@code "card"}, {@code "pix"}, {@code "cash_on_delivery"}), passed
 *                              back in {@link AuthorizationRequest#methodCode()} and used by the
 *                              store's routing rules; matches {@link PaymentMethodCodes#PATTERN}
 * @param displayName           the name shown to the shopper, in the context's locale; at most 100 characters
 * @param type                  the method's family
 * @param capabilities          what the provider can do after authorising this method
 * @param fee                   what the shopper pays extra for the method (a cash-on-delivery fee),
 *                              in the cart's currency, or null for none; not negative
 * @param maximumAmount         the largest order total the method accepts (cash on delivery limits),
 *                              in the cart's currency, or null for no limit; greater than zero
 * @param confirmationRequired  whether the order must be confirmed with the shopper before dispatch
 *                              (cash on delivery)
 * @param pendingExpiry         how long a {@link AuthorizationStatus#PENDING} payment of this method
 *                              stays open before it expires (a cash voucher: 3 days), or null when
 *                              payments of it are never pending or never expire; greater than zero
 * @param authorizationValidity how long an authorisation holds before the provider releases it (cards:
 *                              about 7 days), or null when the method captures at once; greater
 *                              than zero. The platform compares it with the delivery estimate: a
 *                              5–7 day Asia hub can outlive an authorisation.
 */
public record PaymentMethod(
        String methodCode,
        String displayName,
        PaymentMethodType type,
        Set<PaymentCapability> capabilities,
        Money fee,
        Money maximumAmount,
        boolean confirmationRequired,
        Duration pendingExpiry,
        Duration authorizationValidity) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public PaymentMethod {
        PaymentMethodCodes.check(methodCode, "PaymentMethod.methodCode");
        Checks.text(displayName, "PaymentMethod.displayName", 100);
        Checks.required(type, "PaymentMethod.type");
        capabilities = Checks.set(capabilities, "PaymentMethod.capabilities");
        if (fee != null) {
            Checks.nonNegative(fee, "PaymentMethod.fee");
        }
        if (maximumAmount != null) {
            Checks.positive(maximumAmount, "PaymentMethod.maximumAmount");
            Checks.currency(fee, maximumAmount.currency(), "PaymentMethod.fee");
        }
        positive(pendingExpiry, "PaymentMethod.pendingExpiry");
        positive(authorizationValidity, "PaymentMethod.authorizationValidity");
        if (authorizationValidity != null && !capabilities.contains(PaymentCapability.SEPARATE_CAPTURE)) {
            throw new IllegalArgumentException("PaymentMethod.authorizationValidity must be null without"
                    + " SEPARATE_CAPTURE: the method captures at once");
        }
    }

    /**
     * Whether the provider can do something with payments of this method.
     *
     * @param capability a capability
     * @return true if {@link #capabilities()} contains it
     */
    public boolean can(PaymentCapability capability) {
        return capabilities.contains(capability);
    }

    private static void positive(Duration duration, String field) {
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            throw new IllegalArgumentException(field + " must be > 0, was " + duration);
        }
    }
}
