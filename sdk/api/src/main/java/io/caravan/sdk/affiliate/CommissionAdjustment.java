package io.caravan.sdk.affiliate;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;

/**
 * Commission a plugin proposes to take back after a refund, per accrual (affiliate, level, rule).
 * The platform records it as a {@link CommissionEntryKind#REVERSAL} keyed by (refund, affiliate,
 * level, rule) and caps it at what that accrual earned minus what was taken back before. A reversal
 * after payout leaves the affiliate's balance negative, and the statement shows it.
 *
 * @param affiliateId the affiliate; at most 128 characters
 * @param level       the accrual's level, 1 to {@link CommissionProposal#MAX_LEVEL}
 * @param ruleId      the accrual's rule; at most 64 characters
 * @param amount      how much to take back; greater than zero
 * @param explanation the computation in words; at most 300 characters
 */
public record CommissionAdjustment(String affiliateId, int level, String ruleId, Money amount, String explanation) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public CommissionAdjustment {
        Checks.text(affiliateId, "CommissionAdjustment.affiliateId", 128);
        if (level < 1 || level > CommissionProposal.MAX_LEVEL) {
            throw new IllegalArgumentException(
                    "CommissionAdjustment.level must be 1 to " + CommissionProposal.MAX_LEVEL + ", was " + level);
        }
        Checks.text(ruleId, "CommissionAdjustment.ruleId", 64);
        Checks.positive(amount, "CommissionAdjustment.amount");
        Checks.text(explanation, "CommissionAdjustment.explanation", 300);
    }
}
