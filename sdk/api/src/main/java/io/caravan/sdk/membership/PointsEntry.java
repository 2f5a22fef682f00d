package io.caravan.sdk.membership;

import io.caravan.sdk.internal.Checks;
import java.time.Instant;

/**
 * One entry of a member's points as the platform's ledger recorded it — what a plugin is shown so
 * it can propose a reversal or explain a balance; plugins never write entries. Entries are keyed by
 * (order or interaction, rule, kind): a replayed event cannot write twice.
 *
 * @param entryId     the platform's id of the entry; at most 64 characters
 * @param kind        grant, redemption, expiry or reversal
 * @param ruleId      the rule that proposed it ({@code "order-base"}, {@code "gold-double"}); at most 64 characters
 * @param orderId     the order it belongs to, or null (an interaction's grant, an expiry); at most 64 characters
 * @param points      the change to the balance: positive for a grant and for points given back,
 *                    negative for a redemption, an expiry and points taken back; never zero
 * @param recordedAt  when the platform recorded it
 * @param availableAt for a grant, when its points become spendable (the approval period stops
 *                    earn–spend–return abuse); null for other kinds
 * @param expiresAt   for a grant, when its unspent points expire, or null if they never do
 */
public record PointsEntry(
        String entryId,
        PointsEntryKind kind,
        String ruleId,
        String orderId,
        long points,
        Instant recordedAt,
        Instant availableAt,
        Instant expiresAt) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid or its sign does not fit its kind;
     *                                  the message names the field
     */
    public PointsEntry {
        Checks.text(entryId, "PointsEntry.entryId", 64);
        Checks.required(kind, "PointsEntry.kind");
        Checks.text(ruleId, "PointsEntry.ruleId", 64);
        Checks.optionalText(orderId, "PointsEntry.orderId", 64);
        Checks.required(recordedAt, "PointsEntry.recordedAt");
        if (points == 0) {
            throw new IllegalArgumentException("PointsEntry.points must not be zero: an entry moves points");
        }
        if ((kind == PointsEntryKind.GRANT && points < 0)
                || ((kind == PointsEntryKind.REDEMPTION || kind == PointsEntryKind.EXPIRY) && points > 0)) {
            throw new IllegalArgumentException("PointsEntry.points has the wrong sign for " + kind + ": " + points);
        }
        if (kind == PointsEntryKind.GRANT) {
            Checks.required(availableAt, "PointsEntry.availableAt");
        } else if (availableAt != null || expiresAt != null) {
            throw new IllegalArgumentException(
                    "PointsEntry.availableAt and expiresAt belong to a GRANT, not to " + kind);
        }
    }
}
