package io.caravan.sdk.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency, held as a whole number of the currency's minor units
 * (cents for EUR, yen for JPY, fils for KWD). Immutable; arithmetic never rounds silently: the
 * only rounding happens in {@link #of(BigDecimal, Currency, RoundingMode)} and
 * {@link #multiply(BigDecimal, RoundingMode)}, with the mode the caller names.
 *
 * @param minorUnits amount in minor units of {@code currency}; may be negative (refunds)
 * @param currency   an ISO 4217 currency with defined minor units
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

    /**
     * Checks that the currency can hold money.
     *
     * @throws NullPointerException     if {@code currency} is null
     * @throws IllegalArgumentException if the currency has no minor units ({@code XXX}, {@code XAU})
     */
    public Money {
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException(
                    currency.getCurrencyCode() + " has no minor units; it cannot hold money");
        }
    }

    /**
     * An amount given in minor units, e.g. {@code ofMinor(1999, "EUR")} is EUR 19.99.
     *
     * @param minorUnits   the amount in minor units
     * @param currencyCode an ISO 4217 code such as {@code "EUR"}
     * @return the amount
     * @throws IllegalArgumentException if the code is not an ISO 4217 currency with minor units
     */
    public static Money ofMinor(long minorUnits, String currencyCode) {
        return new Money(minorUnits, Currency.getInstance(currencyCode));
    }

    /**
     * Zero of a currency.
     *
     * @param currency the currency
     * @return zero minor units of {@code currency}
     */
    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * A decimal amount in major units, rounded to the currency's minor units with {@code rounding}.
     * Use {@link RoundingMode#UNNECESSARY} to refuse any amount that would need rounding.
     *
     * @param amount   the amount in major units, e.g. {@code 19.99}
     * @param currency the currency
     * @param rounding how to round to the currency's minor units
     * @return the amount
     * @throws ArithmeticException if rounding is needed and {@code rounding} is {@code UNNECESSARY},
     *                             or the amount does not fit a {@code long} of minor units
     */
    public static Money of(BigDecimal amount, Currency currency, RoundingMode rounding) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(rounding, "rounding");
        BigDecimal minor = amount.setScale(currency.getDefaultFractionDigits(), rounding)
                .movePointRight(currency.getDefaultFractionDigits());
        return new Money(minor.longValueExact(), currency);
    }

    /**
     * The amount in major units, exact (e.g. 19.99).
     *
     * @return the amount with the currency's number of decimals
     */
    public BigDecimal amount() {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits());
    }

    /**
     * Adds an amount of the same currency; exact.
     *
     * @param other the amount to add
     * @return the sum
     * @throws IllegalArgumentException if the currencies differ
     * @throws ArithmeticException      on overflow
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    /**
     * Subtracts an amount of the same currency; exact.
     *
     * @param other the amount to subtract
     * @return the difference, possibly negative
     * @throws IllegalArgumentException if the currencies differ
     * @throws ArithmeticException      on overflow
     */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    /**
     * Multiplies by an integer quantity; exact.
     *
     * @param quantity the factor
     * @return the product
     * @throws ArithmeticException on overflow
     */
    public Money times(long quantity) {
        return new Money(Math.multiplyExact(minorUnits, quantity), currency);
    }

    /**
     * Multiplies by a decimal factor (a tax rate, a discount) and rounds to minor units with {@code rounding}.
     *
     * @param factor   the factor, e.g. {@code 0.23} for 23 %
     * @param rounding how to round the product to minor units
     * @return the rounded product
     * @throws ArithmeticException if rounding is needed and {@code rounding} is {@code UNNECESSARY}, or on overflow
     */
    public Money multiply(BigDecimal factor, RoundingMode rounding) {
        BigDecimal product = BigDecimal.valueOf(minorUnits).multiply(factor).setScale(0, rounding);
        return new Money(product.longValueExact(), currency);
    }

    /**
     * Whether the amount is below zero.
     *
     * @return {@code true} for negative amounts
     */
    public boolean isNegative() {
        return minorUnits < 0;
    }

    /**
     * Orders amounts of the same currency.
     *
     * @param other an amount of the same currency
     * @return negative, zero or positive as this amount is less than, equal to or greater than {@code other}
     * @throws IllegalArgumentException if the currencies differ
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minorUnits, other.minorUnits);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency.getCurrencyCode() + " with "
                    + other.currency.getCurrencyCode() + " without a conversion");
        }
    }

    /**
     * ISO form, e.g. {@code EUR 19.99}.
     *
     * @return the currency code, a space and the exact amount in major units
     */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount().toPlainString();
    }
}
