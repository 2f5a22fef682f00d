package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.ExchangeRate;
import io.caravan.sdk.money.Money;
import java.time.Instant;

/**
 * One way to ship one consignment, with its price and delivery estimate.
 *
 * @param quoteId        the plugin's id for this quote, unique within the answer; the platform
 *                       records it with the shopper's choice (and a later booking may name it); at
 *                       most 128 characters
 * @param consignmentId  the consignment quoted, one of the request's
 * @param serviceCode    the carrier's service id, passed back in {@link ShipmentRequest#serviceCode()};
 *                       at most 64 characters
 * @param serviceName    the name shown to the shopper ({@code "Express, tracked"}), in the context's
 *                       locale; at most 100 characters
 * @param price          the price in the request's currency, after any free-shipping rule; not negative
 * @param carrierPrice   the price as the carrier quoted it when in another currency, or null
 * @param conversion     the rate that turned {@code carrierPrice} into {@code price}; required with
 *                       {@code carrierPrice}, null without
 * @param estimate       when it arrives, handling included
 * @param tracked        whether the service is tracked end to end
 * @param expiresAt      until when the price holds; the platform quotes again after it
 * @param explanation    why this price and time, for the shopper or merchant ({@code "From Rotterdam:
 *                       no customs"}); at most 300 characters, or null
 */
public record RateQuote(
        String quoteId,
        String consignmentId,
        String serviceCode,
        String serviceName,
        Money price,
        Money carrierPrice,
        ExchangeRate conversion,
        DeliveryEstimate estimate,
        boolean tracked,
        Instant expiresAt,
        String explanation) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid or the conversion does not match
     *                                  the two prices' currencies
     */
    public RateQuote {
        Checks.text(quoteId, "RateQuote.quoteId", 128);
        Checks.text(consignmentId, "RateQuote.consignmentId", 64);
        Checks.text(serviceCode, "RateQuote.serviceCode", 64);
        Checks.text(serviceName, "RateQuote.serviceName", 100);
        Checks.nonNegative(price, "RateQuote.price");
        if ((carrierPrice == null) != (conversion == null)) {
            throw new IllegalArgumentException("RateQuote.conversion must be given exactly when carrierPrice is");
        }
        if (carrierPrice != null) {
            Checks.nonNegative(carrierPrice, "RateQuote.carrierPrice");
            if (!conversion.from().equals(carrierPrice.currency())
                    || !conversion.to().equals(price.currency())) {
                throw new IllegalArgumentException("RateQuote.conversion must convert "
                        + carrierPrice.currency().getCurrencyCode() + " to "
                        + price.currency().getCurrencyCode()
                        + ", was " + conversion.from().getCurrencyCode() + " to "
                        + conversion.to().getCurrencyCode());
            }
        }
        Checks.required(estimate, "RateQuote.estimate");
        Checks.required(expiresAt, "RateQuote.expiresAt");
        Checks.optionalText(explanation, "RateQuote.explanation", 300);
    }
}
