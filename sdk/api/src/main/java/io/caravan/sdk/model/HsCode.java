package io.caravan.sdk.model;

import io.caravan.sdk.internal.Checks;

/**
 * A Harmonized System commodity code: the 6-digit international subheading, optionally extended
 * by a destination's national digits up to 10 (EU CN 8, TARIC 10, US HTS 10). Digits only, no dots
 * or spaces. Duty rates and import rules are looked up by it.
 *
 * @param code 6 to 10 digits, e.g. {@code "610910"} or {@code "6109100010"}
 */
public record HsCode(String code) {

    /**
     * Validates the code.
     *
     * @throws IllegalArgumentException if the code is null or not 6 to 10 digits
     */
    public HsCode {
        Checks.matches(code, "HsCode.code", "[0-9]{6,10}", "6 to 10 digits");
    }

    /**
     * The code given as digits.
     *
     * @param code 6 to 10 digits
     * @return the code
     * @throws IllegalArgumentException if the code is not 6 to 10 digits
     */
    public static HsCode of(String code) {
        return new HsCode(code);
    }

    /**
     * The HS chapter, the first two digits (e.g. {@code "61"}, knitted apparel).
     *
     * @return two digits
     */
    public String chapter() {
        return code.substring(0, 2);
    }

    /**
     * The international 6-digit subheading, common to every country's tariff.
     *
     * @return six digits
     */
    public String subheading() {
        return code.substring(0, 6);
    }

    /**
     * The code itself.
     *
     * @return the digits
     */
    @Override
    public String toString() {
        return code;
    }
}
