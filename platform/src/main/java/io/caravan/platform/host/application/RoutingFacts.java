package io.caravan.platform.host.application;

import io.caravan.sdk.model.CountryCode;
import java.util.Currency;

/**
 * What a call is about, as far as choosing who answers it goes: the store's answering rules
 * (single-answer points such as tax) and payment routing rules (payments, carriers) are matched
 * against these facts. Every fact is optional; a rule that needs a fact the caller did not give
 * does not match (a country rule without a destination, an amount band without an amount).
 *
 * @param destination the country the goods go to (the cart's ship-to); null when unknown
 * @param currency    the currency the shopper pays in; null when unknown
 * @param methodCode  a payment method code such as {@code "pix"} or {@code "card"}; null when the
 *                    call is not about one method (e.g. listing the methods)
 * @param amountMinor the amount at stake in minor units of {@code currency}; null when unknown
 */
public record RoutingFacts(CountryCode destination, Currency currency, String methodCode, Long amountMinor) {
    /**
     * No facts. For a single-answer point only the default rule applies; for payments and carriers
     * it means a call about no particular sale (a follow-up on a payment an installation holds, a
     * notification), and every enabled provider is named, in install order, whatever the routing rules.
     */
    public static final RoutingFacts NONE = new RoutingFacts(null, null, null, null);

    public RoutingFacts {
        if (amountMinor != null && amountMinor < 0) {
            throw new IllegalArgumentException("RoutingFacts.amountMinor must not be negative, was " + amountMinor);
        }
        if (amountMinor != null && currency == null) {
            throw new IllegalArgumentException("RoutingFacts.amountMinor needs the currency it is in");
        }
        if (methodCode != null && methodCode.isBlank()) {
            throw new IllegalArgumentException("RoutingFacts.methodCode must not be blank");
        }
    }

    /** Facts naming only the destination (a tax quote, a carrier rate request). */
    public static RoutingFacts destination(CountryCode destination) {
        return new RoutingFacts(destination, null, null, null);
    }

    /** The same facts for one payment method (routing an authorisation of that method). */
    public RoutingFacts withMethod(String code) {
        return new RoutingFacts(destination, currency, code, amountMinor);
    }
}
