package io.caravan.sdk.affiliate;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A commission a plugin proposes for an attributed order. The platform checks it (lines of the
 * order, each within its commissionable amount, the total the lines' sum, one currency) and records
 * it as a {@link CommissionEntryKind#ACCRUAL}, <b>pending</b> until {@code approvableAt}, keyed by
 * (order, affiliate, level, rule): a replayed event writes nothing. Approval, payout and reversal
 * are further entries of the platform's ledger; plugins do not keep balances.
 *
 * @param affiliateId  the affiliate who earns it; at most 128 characters
 * @param level        1 for the affiliate the order is attributed to, 2 for whoever recruited that
 *                     affiliate, and so on; 1 to 3
 * @param ruleId       the commission rule ({@code "micro-apparel-8pct"}); at most 64 characters
 * @param lines        the lines it is computed on; at least one, distinct line ids, one currency
 * @param amount       the commission, the lines' total; not negative
 * @param approvableAt when it may be approved: after the order's return window, so a returned
 *                     order's commission is reversed before anyone is paid
 * @param explanation  the computation in words, for the merchant and the affiliate; at most 300 characters
 */
public record CommissionProposal(
        String affiliateId,
        int level,
        String ruleId,
        List<CommissionLine> lines,
        Money amount,
        Instant approvableAt,
        String explanation) {
    /** The deepest level of a referral chain a commission may reach. */
    public static final int MAX_LEVEL = 3;

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid or the lines do not sum to the
     *                                  amount; the message names the field
     */
    public CommissionProposal {
        Checks.text(affiliateId, "CommissionProposal.affiliateId", 128);
        if (level < 1 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("CommissionProposal.level must be 1 to " + MAX_LEVEL + ", was " + level);
        }
        Checks.text(ruleId, "CommissionProposal.ruleId", 64);
        lines = Checks.nonEmptyList(lines, "CommissionProposal.lines");
        Checks.nonNegative(amount, "CommissionProposal.amount");
        Set<String> ids = new HashSet<>();
        Money sum = Money.zero(amount.currency());
        for (int i = 0; i < lines.size(); i++) {
            CommissionLine line = lines.get(i);
            if (!ids.add(line.lineId())) {
                throw new IllegalArgumentException(
                        "CommissionProposal.lines[" + i + "].lineId \"" + line.lineId() + "\" is listed twice");
            }
            sum = sum.plus(
                    Checks.currency(line.amount(), amount.currency(), "CommissionProposal.lines[" + i + "].amount"));
        }
        if (!sum.equals(amount)) {
            throw new IllegalArgumentException(
                    "CommissionProposal.amount must be the lines' total (" + sum + "), was " + amount);
        }
        Checks.required(approvableAt, "CommissionProposal.approvableAt");
        Checks.text(explanation, "CommissionProposal.explanation", 300);
    }
}
