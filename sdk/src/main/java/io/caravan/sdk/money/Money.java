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

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException(currency.getCurrencyCode() + " has no minor units; it cannot hold money");
        }
    }

    /** An amount given in minor units, e.g. {@code ofMinor(1999, "EUR")} is EUR 19.99. */
    public static Money ofMinor(long minorUnits, String currencyCode) {
        return new Money(minorUnits, Currency.getInstance(currencyCode));
    }

    /** Zero of a currency. */
    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * A decimal amount in major units, rounded to the currency's minor units with {@code rounding}.
     * Use {@link RoundingMode#UNNECESSARY} to refuse any amount that would need rounding.
     */
    public static Money of(BigDecimal amount, Currency currency, RoundingMode rounding) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(rounding, "rounding");
        BigDecimal minor = amount.setScale(currency.getDefaultFractionDigits(), rounding).movePointRight(
                currency.getDefaultFractionDigits());
        return new Money(minor.longValueExact(), currency);
    }

    /** The amount in major units, exact (e.g. 19.99). */
    public BigDecimal amount() {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits());
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    /** Multiplies by an integer quantity; exact. */
    public Money times(long quantity) {
        return new Money(Math.multiplyExact(minorUnits, quantity), currency);
    }

    /** Multiplies by a decimal factor (a tax rate, a discount) and rounds to minor units with {@code rounding}. */
    public Money multiply(BigDecimal factor, RoundingMode rounding) {
        BigDecimal product = BigDecimal.valueOf(minorUnits).multiply(factor).setScale(0, rounding);
        return new Money(product.longValueExact(), currency);
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

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

    /** ISO form, e.g. {@code EUR 19.99}. */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount().toPlainString();
    }
}
