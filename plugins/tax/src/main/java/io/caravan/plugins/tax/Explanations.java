package io.caravan.plugins.tax;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formatting shared by the explanations and rule ids of every regime. */
final class Explanations {

    /** {@link io.caravan.sdk.tax.TaxLine} and {@link io.caravan.sdk.tax.Duty} limits. */
    private static final int MAX_EXPLANATION = 500;

    private static final int MAX_RULE_ID = 64;

    private Explanations() {}

    /** {@code 25.5 %}, {@code 19 %}. */
    static String percent(BigDecimal percent) {
        return percent.stripTrailingZeros().toPlainString() + " %";
    }

    /** An amount for display only (thresholds, converted values): two decimals, HALF_UP. */
    static String money(BigDecimal amount, String currency) {
        return currency + " " + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** The explanation cut to the SDK's limit, so a long one never fails the quote. */
    static String fit(String text) {
        return text.length() <= MAX_EXPLANATION ? text : text.substring(0, MAX_EXPLANATION - 3) + "...";
    }

    /** The rule id cut to the SDK's limit. */
    static String fitRuleId(String id) {
        return id.length() <= MAX_RULE_ID ? id : id.substring(0, MAX_RULE_ID);
    }
}
