package io.caravan.platform.commerce.application;

import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.Fee;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.tax.Duty;
import io.caravan.sdk.tax.TaxLine;
import io.caravan.sdk.tax.TaxQuote;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plugins propose, the platform disposes: a tax quote is checked against the cart it answers before
 * anything reads it. The SDK's records already check each value on its own (non-negative amounts,
 * one currency inside the quote, text lengths); this checks the quote against the request, and
 * bounds what a plugin can make the platform compute or send.
 *
 * <ul>
 *   <li>the quote's currency and every amount in it are the cart's currency, and its price display is the cart's;
 *   <li>every line tax and duty names a cart line ({@code lineRef} = a {@code lineId});
 *   <li>at most {@value #LINE_TAXES_PER_LINE} line taxes and {@value #DUTIES_PER_LINE} duties per cart line,
 *       {@value #MAX_SHIPPING_TAXES} shipping taxes and {@value #MAX_NOTICES} notices (several authorities
 *       may tax one line: Canada's GST and PST, US state, county and city);
 *   <li>every fee tax names a cart fee ({@code lineRef} = a {@code feeId}), at most
 *       {@value #FEE_TAXES_PER_FEE} per fee;
 *   <li>a line tax's taxable amount is at most the line's net amount (after its allocated discount), a
 *       shipping tax's at most the shipping charge after its discount, a fee tax's at most the fee after
 *       its discount: with prices including tax the taxable amount is the net part of the price, without
 *       it the price itself, so a larger base is a wrong answer (tax on the undiscounted price);
 *   <li>a duty's dutiable value is at most the cart's goods and shipping together: a duty may cover a
 *       group of lines under one tariff subheading, and a customs value may include freight (CIF), so
 *       it is not bounded by one line;
 *   <li>rates are plain {@link BigDecimal}s (no subclass) in [0, {@value #MAX_RATE}] with scale in
 *       [-{@value #MAX_SCALE}, {@value #MAX_SCALE}] and precision at most {@value #MAX_PRECISION}, checked
 *       on the representation before any arithmetic or {@code toString}, so that {@code 1E+100000000} or
 *       a rate with a million decimals cannot become a giant response;
 *   <li>jurisdiction, rule id, explanation and notice lengths (again: a record's checks are the SDK's,
 *       and the SDK a plugin sees might not be this one).
 * </ul>
 */
public final class TaxQuoteCheck {
    static final int LINE_TAXES_PER_LINE = 4;
    static final int DUTIES_PER_LINE = 4;
    static final int MAX_SHIPPING_TAXES = 8;
    static final int FEE_TAXES_PER_FEE = 4;
    static final int MAX_NOTICES = 20;
    static final int MAX_RATE = 10;
    static final int MAX_SCALE = 10;
    static final int MAX_PRECISION = 20;
    /** 20 decimal digits need 67 bits; a larger unscaled value is refused before its digits are counted. */
    private static final int MAX_UNSCALED_BITS = 67;

    private static final int MAX_JURISDICTION = 32;
    private static final int MAX_RULE_ID = 64;
    private static final int MAX_TEXT = 500;
    private static final int MAX_QUOTED = 64;

    private TaxQuoteCheck() {}

    /**
     * @return {@code quote}, unchanged, when it answers {@code cart}; null when it is null (the
     *         invoker reports a missing answer itself)
     * @throws InvalidTaxQuoteException naming the first thing wrong
     */
    public static TaxQuote check(TaxQuote quote, Cart cart) {
        if (quote == null) {
            return null;
        }
        Currency currency = cart.currency();
        if (!currency.equals(quote.currency())) {
            throw invalid("currency is " + code(quote.currency()) + ", the cart's is " + currency.getCurrencyCode());
        }
        if (quote.prices() != cart.prices()) {
            throw invalid("prices is " + quote.prices() + ", the cart's is " + cart.prices());
        }
        int lines = cart.lines().size();
        count("lineTaxes", quote.lineTaxes(), LINE_TAXES_PER_LINE * lines, "4 per cart line");
        count("shippingTaxes", quote.shippingTaxes(), MAX_SHIPPING_TAXES, null);
        count("feeTaxes", quote.feeTaxes(), FEE_TAXES_PER_FEE * cart.fees().size(), "4 per cart fee");
        count("duties", quote.duties(), DUTIES_PER_LINE * lines, "4 per cart line");
        count("notices", quote.notices(), MAX_NOTICES, null);

        Map<String, LineItem> byId = new HashMap<>();
        long goods = 0;
        for (LineItem line : cart.lines()) {
            byId.put(line.lineId(), line);
            goods = saturatedAdd(goods, line.amount().minorUnits());
        }
        long goodsAndShipping = saturatedAdd(goods, cart.shipping().minorUnits());
        Map<String, Fee> feesById = new HashMap<>();
        for (Fee fee : cart.fees()) {
            feesById.put(fee.feeId(), fee);
        }

        for (int i = 0; i < quote.lineTaxes().size(); i++) {
            TaxLine tax = quote.lineTaxes().get(i);
            String field = "lineTaxes[" + i + "]";
            LineItem line = line(byId, tax.lineRef(), field);
            taxLine(tax, field, currency);
            atMost(
                    tax.taxableAmount(),
                    line.netAmount().minorUnits(),
                    field + ".taxableAmount",
                    "line's amount after discount");
        }
        for (int i = 0; i < quote.shippingTaxes().size(); i++) {
            TaxLine tax = quote.shippingTaxes().get(i);
            String field = "shippingTaxes[" + i + "]";
            if (!TaxLine.SHIPPING.equals(tax.lineRef())) {
                throw invalid(field + ".lineRef must be \"" + TaxLine.SHIPPING + "\", was " + quoted(tax.lineRef()));
            }
            taxLine(tax, field, currency);
            atMost(
                    tax.taxableAmount(),
                    cart.netShipping().minorUnits(),
                    field + ".taxableAmount",
                    "shipping charge after discount");
        }
        for (int i = 0; i < quote.feeTaxes().size(); i++) {
            TaxLine tax = quote.feeTaxes().get(i);
            String field = "feeTaxes[" + i + "]";
            Fee fee = tax.lineRef() == null ? null : feesById.get(tax.lineRef());
            if (fee == null) {
                throw invalid(field + ".lineRef " + quoted(tax.lineRef()) + " names no fee of the cart");
            }
            taxLine(tax, field, currency);
            atMost(tax.taxableAmount(), fee.netAmount().minorUnits(), field + ".taxableAmount", "fee after discount");
        }
        for (int i = 0; i < quote.duties().size(); i++) {
            Duty duty = quote.duties().get(i);
            String field = "duties[" + i + "]";
            line(byId, duty.lineRef(), field);
            money(duty.dutiableValue(), currency, field + ".dutiableValue");
            money(duty.amount(), currency, field + ".amount");
            if (duty.rate() != null) {
                rate(duty.rate(), field + ".rate");
            }
            texts(duty.jurisdiction(), duty.ruleId(), duty.explanation(), field);
            atMost(duty.dutiableValue(), goodsAndShipping, field + ".dutiableValue", "cart's goods and shipping");
        }
        for (int i = 0; i < quote.notices().size(); i++) {
            text(quote.notices().get(i), MAX_TEXT, "notices[" + i + "]");
        }
        return quote;
    }

    private static void taxLine(TaxLine tax, String field, Currency currency) {
        money(tax.taxableAmount(), currency, field + ".taxableAmount");
        money(tax.taxAmount(), currency, field + ".taxAmount");
        rate(tax.rate(), field + ".rate");
        texts(tax.jurisdiction(), tax.ruleId(), tax.explanation(), field);
        if (tax.collectedAt() == null) {
            throw invalid(field + ".collectedAt is missing");
        }
    }

    private static void texts(String jurisdiction, String ruleId, String explanation, String field) {
        text(jurisdiction, MAX_JURISDICTION, field + ".jurisdiction");
        text(ruleId, MAX_RULE_ID, field + ".ruleId");
        text(explanation, MAX_TEXT, field + ".explanation");
    }

    /** A rate's representation first (class, scale, size of the unscaled value, precision), then its value. */
    static void rate(BigDecimal rate, String field) {
        if (rate == null) {
            throw invalid(field + " is missing");
        }
        if (rate.getClass() != BigDecimal.class) {
            // a subclass could answer scale() or toPlainString() as it likes
            throw invalid(field + " must be a java.math.BigDecimal, was a "
                    + rate.getClass().getName());
        }
        int scale = rate.scale();
        if (scale > MAX_SCALE || scale < -MAX_SCALE) {
            throw invalid(field + " has scale " + scale + "; at most " + MAX_SCALE + " decimals are accepted");
        }
        if (rate.unscaledValue().bitLength() > MAX_UNSCALED_BITS || rate.precision() > MAX_PRECISION) {
            throw invalid(field + " has more than " + MAX_PRECISION + " significant digits");
        }
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(MAX_RATE)) > 0) {
            throw invalid(field + " must be between 0 and " + MAX_RATE + ", was " + rate.toPlainString());
        }
    }

    private static void money(Money money, Currency currency, String field) {
        if (money == null) {
            throw invalid(field + " is missing");
        }
        if (!currency.equals(money.currency())) {
            throw invalid(field + " is in " + code(money.currency()) + ", the cart's currency is "
                    + currency.getCurrencyCode());
        }
        if (money.minorUnits() < 0) {
            throw invalid(field + " is negative");
        }
    }

    private static void atMost(Money amount, long limit, String field, String what) {
        if (amount.minorUnits() > limit) {
            throw invalid(
                    field + " " + amount.minorUnits() + " is more than the " + what + " (" + limit + " minor units)");
        }
    }

    private static LineItem line(Map<String, LineItem> byId, String lineRef, String field) {
        LineItem line = lineRef == null ? null : byId.get(lineRef);
        if (line == null) {
            throw invalid(field + ".lineRef " + quoted(lineRef) + " names no line of the cart");
        }
        return line;
    }

    private static void count(String field, List<?> list, int max, String rule) {
        if (list == null) {
            throw invalid(field + " is missing");
        }
        if (list.size() > max) {
            throw invalid(field + " has " + list.size() + " entries; at most " + max
                    + (rule == null ? "" : " (" + rule + ")") + " are accepted");
        }
    }

    private static void text(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is missing");
        }
        if (value.length() > max) {
            throw invalid(field + " has " + value.length() + " characters; at most " + max + " are accepted");
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    private static String code(Currency currency) {
        return currency == null ? "missing" : currency.getCurrencyCode();
    }

    private static String quoted(String value) {
        if (value == null) {
            return "(none)";
        }
        return "\"" + (value.length() <= MAX_QUOTED ? value : value.substring(0, MAX_QUOTED) + "…") + "\"";
    }

    private static InvalidTaxQuoteException invalid(String what) {
        return new InvalidTaxQuoteException("the quote does not answer the cart: " + what);
    }
}
