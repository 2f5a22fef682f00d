package io.caravan.sdk.payments;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;

/**
 * A way to pay that a checkout can offer.
 *
 * @param methodId             the plugin's stable id for the method ({@code "card"}, {@code "pix"},
 *                             {@code "cod"}), passed back in {@link AuthorizationRequest#methodId()};
 *                             at most 64 characters
 * @param displayName          the name shown to the shopper, in the context's locale; at most 100 characters
 * @param type                 the method's family
 * @param fee                  what the shopper pays extra for the method (a cash-on-delivery fee), in
 *                             the cart's currency, or null for none; not negative
 * @param maximumAmount        the largest order total the method accepts (cash on delivery limits),
 *                             in the cart's currency, or null for no limit; greater than zero
 * @param confirmationRequired whether the order must be confirmed with the shopper before dispatch
 *                             (cash on delivery)
 */
public record PaymentMethod(
        String methodId,
        String displayName,
        PaymentMethodType type,
        Money fee,
        Money maximumAmount,
        boolean confirmationRequired) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public PaymentMethod {
        Checks.text(methodId, "PaymentMethod.methodId", 64);
        Checks.text(displayName, "PaymentMethod.displayName", 100);
        Checks.required(type, "PaymentMethod.type");
        if (fee != null) {
            Checks.nonNegative(fee, "PaymentMethod.fee");
        }
        if (maximumAmount != null) {
            Checks.positive(maximumAmount, "PaymentMethod.maximumAmount");
            Checks.currency(fee, maximumAmount.currency(), "PaymentMethod.fee");
        }
    }
}
