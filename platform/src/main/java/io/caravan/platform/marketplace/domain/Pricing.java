package io.caravan.platform.marketplace.domain;

import io.caravan.platform.shared.domain.InvalidInputException;
import java.util.Currency;

/**
 * What a store pays for a plugin. Amounts in ISO 4217 minor units: the one-time price, the monthly
 * price, or the price per order handled (usage).
 *
 * @param trialDays free days before a subscription's first charge (subscriptions only; 0 to 90)
 */
public record Pricing(PricingModel model, Long amountMinor, String currency, int trialDays) {
    public Pricing {
        if (model == null) {
            throw new InvalidInputException("pricing.model is required: FREE, ONE_TIME, SUBSCRIPTION or USAGE");
        }
        if (model == PricingModel.FREE) {
            if (amountMinor != null && amountMinor != 0 || trialDays != 0) {
                throw new InvalidInputException("pricing: a FREE plugin has no amount and no trial");
            }
            amountMinor = null;
            currency = null;
        } else {
            if (amountMinor == null || amountMinor <= 0) {
                throw new InvalidInputException(
                        "pricing.amountMinor must be a positive amount in minor units for " + model);
            }
            if (amountMinor > 100_000_000L) {
                throw new InvalidInputException("pricing.amountMinor is implausibly large");
            }
            try {
                currency = Currency.getInstance(currency).getCurrencyCode();
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidInputException("pricing.currency must be an ISO 4217 code such as EUR");
            }
            if (trialDays < 0 || trialDays > 90) {
                throw new InvalidInputException("pricing.trialDays must be 0 to 90");
            }
            if (trialDays > 0 && model != PricingModel.SUBSCRIPTION) {
                throw new InvalidInputException("pricing.trialDays applies to subscriptions only");
            }
        }
    }

    public static Pricing free() {
        return new Pricing(PricingModel.FREE, null, null, 0);
    }
}
