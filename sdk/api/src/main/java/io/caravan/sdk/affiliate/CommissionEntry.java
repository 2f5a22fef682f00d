package io.caravan.sdk.affiliate;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;
import java.time.Instant;

/**
 * One commission entry as the platform's ledger recorded it — shown to a plugin so it can propose a
 * reversal; plugins never write entries.
 *
 * @param entryId      the platform's id of the entry; at most 64 characters
 * @param kind         accrual, approval, payout or reversal
 * @param affiliateId  the affiliate; at most 128 characters
 * @param orderId      the order; at most 64 characters
 * @param level        the referral level, 1 to {@link CommissionProposal#MAX_LEVEL}
 * @param ruleId       the rule of the accrual it belongs to; at most 64 characters
 * @param amount       the entry's amount: positive for an accrual, negative for a reversal, the
 *                     approved or paid amount (positive) for an approval or a payout
 * @param recordedAt   when the platform recorded it
 * @param approvableAt for an accrual, when it may be approved; null for other kinds
 */
public record CommissionEntry(
        String entryId,
        CommissionEntryKind kind,
        String affiliateId,
        String orderId,
        int level,
        String ruleId,
        Money amount,
        Instant recordedAt,
        Instant approvableAt) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid or its sign does not fit its kind;
     *                                  the message names the field
     */
    public CommissionEntry {
        Checks.text(entryId, "CommissionEntry.entryId", 64);
        Checks.required(kind, "CommissionEntry.kind");
        Checks.text(affiliateId, "CommissionEntry.affiliateId", 128);
        Checks.text(orderId, "CommissionEntry.orderId", 64);
        if (level < 1 || level > CommissionProposal.MAX_LEVEL) {
            throw new IllegalArgumentException("CommissionEntry.level must be 1 to " + CommissionProposal.MAX_LEVEL);
        }
        Checks.text(ruleId, "CommissionEntry.ruleId", 64);
        Checks.required(amount, "CommissionEntry.amount");
        Checks.required(recordedAt, "CommissionEntry.recordedAt");
        if (kind == CommissionEntryKind.REVERSAL ? amount.minorUnits() >= 0 : amount.minorUnits() < 0) {
            throw new IllegalArgumentException("CommissionEntry.amount has the wrong sign for " + kind + ": " + amount);
        }
        if ((kind == CommissionEntryKind.ACCRUAL) != (approvableAt != null)) {
            throw new IllegalArgumentException("CommissionEntry.approvableAt is set on an ACCRUAL and only there");
        }
    }
}
