package io.caravan.sdk.tax;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.HsCode;
import io.caravan.sdk.money.Money;
import java.math.BigDecimal;

/**
 * A customs duty on one cart line: value × rate for the line's HS code and origin in the
 * destination's tariff.
 *
 * @param lineRef        the cart line's {@code lineId}
 * @param hsCode         the commodity code the rate was looked up by, or null if the line had none
 *                       and the plugin applied a fallback (its explanation says which)
 * @param dutiableValue  the customs value the rate applies to; not negative
 * @param amount         the duty; not negative, same currency as {@code dutiableValue}
 * @param rate           the ad valorem rate as a fraction; not negative
 * @param jurisdiction   the customs territory ({@code "US"}, {@code "EU"}, {@code "GB"}); at most 32 characters
 * @param ruleId         the rule applied, e.g. {@code "US-DE-MINIMIS-SUSPENDED"}; at most 64 characters
 * @param explanation    the rule in words, in the context's locale; at most 500 characters
 * @param collectedAt    whether it is charged at checkout or paid on delivery
 */
public record Duty(
        String lineRef,
        HsCode hsCode,
        Money dutiableValue,
        Money amount,
        BigDecimal rate,
        String jurisdiction,
        String ruleId,
        String explanation,
        CollectedAt collectedAt) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public Duty {
        Checks.text(lineRef, "Duty.lineRef", 64);
        Checks.nonNegative(dutiableValue, "Duty.dutiableValue");
        Checks.nonNegative(amount, "Duty.amount");
        Checks.currency(amount, dutiableValue.currency(), "Duty.amount");
        Checks.nonNegative(rate, "Duty.rate");
        Checks.text(jurisdiction, "Duty.jurisdiction", 32);
        Checks.text(ruleId, "Duty.ruleId", 64);
        Checks.text(explanation, "Duty.explanation", 500);
        Checks.required(collectedAt, "Duty.collectedAt");
    }
}
