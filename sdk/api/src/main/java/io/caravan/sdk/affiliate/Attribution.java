package io.caravan.sdk.affiliate;

import io.caravan.sdk.internal.Checks;

/**
 * The referral an order is credited to.
 *
 * @param affiliateId  the affiliate (KOL, KOC) credited; at most 128 characters
 * @param referralCode the code that won; at most 64 characters
 * @param campaignId   the campaign it belongs to, or null; at most 64 characters
 * @param ruleId       the attribution rule applied ({@code "last-click-30d"}); at most 64 characters
 * @param explanation  why, for the merchant; at most 300 characters
 */
public record Attribution(
        String affiliateId, String referralCode, String campaignId, String ruleId, String explanation) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public Attribution {
        Checks.text(affiliateId, "Attribution.affiliateId", 128);
        Checks.text(referralCode, "Attribution.referralCode", 64);
        Checks.optionalText(campaignId, "Attribution.campaignId", 64);
        Checks.text(ruleId, "Attribution.ruleId", 64);
        Checks.text(explanation, "Attribution.explanation", 300);
    }
}
