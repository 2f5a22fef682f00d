package io.caravan.sdk.tax;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;
import java.math.BigDecimal;

/**
 * One tax on one cart line or on shipping: which amount was taxed, at which rate, by whom, under
 * which rule. A line taxed by several authorities (Canada's GST and PST, US state and county) has
 * one {@code TaxLine} per tax.
 *
 * @param lineRef       the cart line's {@code lineId}, a cart fee's {@code feeId}, or {@link #SHIPPING} for
 *                      the shipping charge
 * @param taxableAmount the amount the rate applies to, net of tax; not negative
 * @param taxAmount     the tax, rounded as the regime requires; not negative, same currency as
 *                      {@code taxableAmount}
 * @param rate          the rate as a fraction ({@code 0.19} for 19 %); not negative
 * @param jurisdiction  who levies it: an ISO country code, optionally with a subdivision
 *                      ({@code "DE"}, {@code "CA-QC"}, {@code "US-CA"}); at most 32 characters
 * @param ruleId        the rule applied, stable across quotes ({@code "EU-IOSS"}, {@code "GB-LVG-135"});
 *                      at most 64 characters
 * @param explanation   the rule in words for the shopper or merchant, in the context's locale
 *                      ({@code "German VAT 19 % collected at checkout under IOSS (consignment ≤ EUR 150)"});
 *                      at most 500 characters
 * @param collectedAt   whether it is charged at checkout or paid on delivery
 */
public record TaxLine(
        String lineRef,
        Money taxableAmount,
        Money taxAmount,
        BigDecimal rate,
        String jurisdiction,
        String ruleId,
        String explanation,
        CollectedAt collectedAt) {

    /** The {@code lineRef} of taxes on the shipping charge. */
    public static final String SHIPPING = io.caravan.sdk.model.Cart.SHIPPING_REF;

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public TaxLine {
        Checks.text(lineRef, "TaxLine.lineRef", 64);
        Checks.nonNegative(taxableAmount, "TaxLine.taxableAmount");
        Checks.nonNegative(taxAmount, "TaxLine.taxAmount");
        Checks.currency(taxAmount, taxableAmount.currency(), "TaxLine.taxAmount");
        Checks.nonNegative(rate, "TaxLine.rate");
        Checks.text(jurisdiction, "TaxLine.jurisdiction", 32);
        Checks.text(ruleId, "TaxLine.ruleId", 64);
        Checks.text(explanation, "TaxLine.explanation", 500);
        Checks.required(collectedAt, "TaxLine.collectedAt");
    }
}
