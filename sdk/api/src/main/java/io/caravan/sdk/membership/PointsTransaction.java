package io.caravan.sdk.membership;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;

/**
 * One entry of a customer's points ledger, as the ledger recorded it.
 *
 * @param transactionId the ledger's id for the entry (a repeated call returns the same one); at most 128 characters
 * @param customerId    the customer; at most 128 characters
 * @param type          accrual, redemption or reversal
 * @param points        the change to the balance: positive for points added, negative for points
 *                      taken, zero when nothing applied (e.g. a reversal of an order that earned nothing)
 * @param balanceAfter  the balance once this entry applied; not negative
 * @param value         for redemptions, what the points are worth in the requested currency
 *                      (greater than zero); null for other types
 * @param explanation   the entry in words for the customer ({@code "2 × points as Gold member"}); at
 *                      most 200 characters
 */
public record PointsTransaction(
        String transactionId,
        String customerId,
        PointsTransactionType type,
        long points,
        long balanceAfter,
        Money value,
        String explanation) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid, or {@code value} is missing for a
     *                                  redemption or present for another type
     */
    public PointsTransaction {
        Checks.text(transactionId, "PointsTransaction.transactionId", 128);
        Checks.text(customerId, "PointsTransaction.customerId", 128);
        Checks.required(type, "PointsTransaction.type");
        Checks.nonNegative(balanceAfter, "PointsTransaction.balanceAfter");
        if (type == PointsTransactionType.REDEMPTION) {
            Checks.positive(value, "PointsTransaction.value");
            if (points >= 0) {
                throw new IllegalArgumentException(
                        "PointsTransaction.points must be < 0 for a redemption, was " + points);
            }
        } else if (value != null) {
            throw new IllegalArgumentException("PointsTransaction.value must be null for " + type);
        }
        if (type == PointsTransactionType.ACCRUAL && points < 0) {
            throw new IllegalArgumentException("PointsTransaction.points must be >= 0 for an accrual, was " + points);
        }
        Checks.text(explanation, "PointsTransaction.explanation", 200);
    }
}
