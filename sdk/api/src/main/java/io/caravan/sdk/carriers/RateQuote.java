package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.ExchangeRate;
import io.caravan.sdk.money.Money;

/**
 * One way to ship the parcels from one warehouse, with its price and transit time.
 *
 * @param warehouseId    the origin quoted, one of the request's
 * @param serviceCode    the carrier's service id, passed back in {@link ShipmentRequest#serviceCode()};
 *                       at most 64 characters
 * @param serviceName    the name shown to the shopper ({@code "Express, tracked"}), in the context's
 *                       locale; at most 100 characters
 * @param price          the price in the request's currency; not negative
 * @param carrierPrice   the price as the carrier quoted it when in another currency, or null
 * @param conversion     the rate that turned {@code carrierPrice} into {@code price}; required with
 *                       {@code carrierPrice}, null without
 * @param minTransitDays the fewest days in transit; not negative
 * @param maxTransitDays the most days in transit; at least {@code minTransitDays}
 * @param tracked        whether the service is tracked end to end
 * @param explanation    why this price and time, for the shopper or merchant ({@code "Shipped from
 *                       the EU warehouse: no customs"}); at most 300 characters, or null
 */
public record RateQuote(
        String warehouseId,
        String serviceCode,
        String serviceName,
        Money price,
        Money carrierPrice,
        ExchangeRate conversion,
        int minTransitDays,
        int maxTransitDays,
        boolean tracked,
        String explanation) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid or the conversion does not match
     *                                  the two prices' currencies
     */
    public RateQuote {
        Checks.text(warehouseId, "RateQuote.warehouseId", 64);
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
        Checks.nonNegative(minTransitDays, "RateQuote.minTransitDays");
        if (maxTransitDays < minTransitDays) {
            throw new IllegalArgumentException("RateQuote.maxTransitDays must be >= minTransitDays (" + minTransitDays
                    + "), was " + maxTransitDays);
        }
        Checks.optionalText(explanation, "RateQuote.explanation", 300);
    }
}
