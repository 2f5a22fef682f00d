package io.caravan.sdk.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;

/**
 * The rate used to express an amount of one currency in another, kept with the amount it
 * converted so the conversion can be shown to the shopper ("CNY 36.00 at 0.1271 EUR/CNY on
 * 2026-03-01 = EUR 4.58"). Opaque currency conversion is one of the main reasons shoppers abandon
 * a cross-border checkout; a converted amount without its rate is not shown.
 *
 * @param from   the currency converted from
 * @param to     the currency converted to; differs from {@code from}
 * @param rate   units of {@code to} per one unit of {@code from}; greater than zero
 * @param asOf   when the rate was fixed
 * @param source who published the rate, e.g. {@code "ECB reference rate"}; not blank
 */
public record ExchangeRate(Currency from, Currency to, BigDecimal rate, Instant asOf, String source) {

    /**
     * Validates the rate.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the currencies are equal, the rate is not positive or the source is blank
     */
    public ExchangeRate {
        Objects.requireNonNull(from, "ExchangeRate.from");
        Objects.requireNonNull(to, "ExchangeRate.to");
        Objects.requireNonNull(rate, "ExchangeRate.rate");
        Objects.requireNonNull(asOf, "ExchangeRate.asOf");
        Objects.requireNonNull(source, "ExchangeRate.source");
        if (from.equals(to)) {
            throw new IllegalArgumentException(
                    "ExchangeRate.to must differ from ExchangeRate.from, both were " + from.getCurrencyCode());
        }
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("ExchangeRate.rate must be > 0, was " + rate.toPlainString());
        }
        if (source.isBlank()) {
            throw new IllegalArgumentException("ExchangeRate.source must not be blank");
        }
    }

    /**
     * Converts an amount of {@link #from()} into {@link #to()}, rounding to the target currency's
     * minor units.
     *
     * @param amount   an amount in {@link #from()}
     * @param rounding how to round to the minor units of {@link #to()}
     * @return the converted amount
     * @throws IllegalArgumentException if {@code amount} is not in {@link #from()}
     * @throws ArithmeticException      if rounding is needed and {@code rounding} is {@code UNNECESSARY}
     */
    public Money convert(Money amount, RoundingMode rounding) {
        Objects.requireNonNull(amount, "amount");
        if (!amount.currency().equals(from)) {
            throw new IllegalArgumentException(
                    "cannot convert " + amount + " with a rate from " + from.getCurrencyCode());
        }
        return Money.of(amount.amount().multiply(rate), to, rounding);
    }
}
