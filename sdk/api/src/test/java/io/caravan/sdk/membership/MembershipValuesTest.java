package io.caravan.sdk.membership;

import static io.caravan.sdk.Fixtures.EUR;
import static io.caravan.sdk.Fixtures.TODAY;
import static io.caravan.sdk.Fixtures.assertInvalid;
import static io.caravan.sdk.Fixtures.customer;
import static io.caravan.sdk.Fixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MembershipValuesTest {

    @Nested
    class Tiers {
        @Test
        void profileSpendAndOrdersAreNotNegative() {
            assertInvalid(
                    () -> new MemberProfile(customer(), eur(-1), 0, null),
                    "MemberProfile.spendLast12Months must not be negative");
            assertInvalid(
                    () -> new MemberProfile(customer(), eur(0), -1, null),
                    "MemberProfile.ordersLast12Months must be >= 0");
            assertInvalid(() -> new MemberProfile(null, eur(0), 0, null), "MemberProfile.customer is required");
            assertThat(new MemberProfile(customer(), eur(62000), 7, TODAY).memberSince())
                    .isEqualTo(TODAY);
        }

        @Test
        void assignmentNamesAndExplainsTheTier() {
            assertInvalid(
                    () -> new TierAssignment("", "Gold", BigDecimal.TWO, List.of(), null, "why"),
                    "TierAssignment.tierId");
            assertInvalid(
                    () -> new TierAssignment("gold", "Gold", new BigDecimal("-1"), List.of(), null, "why"),
                    "TierAssignment.pointsMultiplier must be >= 0");
            assertInvalid(
                    () -> new TierAssignment("gold", "Gold", BigDecimal.TWO, List.of(" "), null, "why"),
                    "TierAssignment.benefits[0] must not be blank");
            assertInvalid(
                    () -> new TierAssignment("gold", "Gold", BigDecimal.TWO, List.of(), null, null),
                    "TierAssignment.explanation is required");
            assertInvalid(
                    () -> new TierAssignment("gold", null, BigDecimal.TWO, List.of(), null, "why"),
                    "TierAssignment.displayName is required");
        }
    }

    @Nested
    class Ledger {
        @Test
        void requestsCarryIdempotencyKeys() {
            assertInvalid(() -> new PointsAccrual("", customer(), "o", eur(100)), "PointsAccrual.idempotencyKey");
            assertInvalid(() -> new PointsAccrual("k", null, "o", eur(100)), "PointsAccrual.customer is required");
            assertInvalid(
                    () -> new PointsAccrual("k", customer(), "o", eur(-100)),
                    "PointsAccrual.eligibleAmount must not be negative");
            assertInvalid(() -> new PointsRedemption("", "c", 10, null, EUR), "PointsRedemption.idempotencyKey");
            assertInvalid(() -> new PointsRedemption("k", "c", 0, null, EUR), "PointsRedemption.points must be > 0");
            assertInvalid(
                    () -> new PointsRedemption("k", "c", 10, null, null), "PointsRedemption.currency is required");
            assertInvalid(
                    () -> new PointsReversal("k", "c", "o", eur(0), null), "PointsReversal.refundedAmount must be > 0");
            assertInvalid(() -> new PointsReversal("k", "c", "", eur(1), null), "PointsReversal.orderId");
            assertInvalid(
                    () -> new PointsReversal(null, "c", "o", eur(1), null),
                    "PointsReversal.idempotencyKey is required");
        }

        @Test
        void redemptionsTakePointsAndHaveAValue() {
            assertThat(new PointsTransaction(
                                    "t1",
                                    "c",
                                    PointsTransactionType.REDEMPTION,
                                    -500,
                                    700,
                                    eur(500),
                                    "500 points = EUR 5.00")
                            .value())
                    .isEqualTo(eur(500));
            assertInvalid(
                    () -> new PointsTransaction("t1", "c", PointsTransactionType.REDEMPTION, -500, 700, null, "x"),
                    "PointsTransaction.value is required");
            assertInvalid(
                    () -> new PointsTransaction("t1", "c", PointsTransactionType.REDEMPTION, 500, 700, eur(500), "x"),
                    "PointsTransaction.points must be < 0 for a redemption");
        }

        @Test
        void accrualsAddPointsAndCarryNoValue() {
            assertInvalid(
                    () -> new PointsTransaction("t1", "c", PointsTransactionType.ACCRUAL, -1, 0, null, "x"),
                    "PointsTransaction.points must be >= 0 for an accrual");
            assertInvalid(
                    () -> new PointsTransaction("t1", "c", PointsTransactionType.ACCRUAL, 10, 10, eur(1), "x"),
                    "PointsTransaction.value must be null for ACCRUAL");
            assertThat(new PointsTransaction(
                                    "t1", "c", PointsTransactionType.REVERSAL, -40, 0, null, "Refund of order o")
                            .points())
                    .isEqualTo(-40);
        }

        @Test
        void balancesNeverGoNegative() {
            assertInvalid(
                    () -> new PointsTransaction("t1", "c", PointsTransactionType.REVERSAL, -40, -1, null, "x"),
                    "PointsTransaction.balanceAfter must be >= 0");
            assertInvalid(() -> new PointsBalance("c", -1), "PointsBalance.points must be >= 0");
            assertInvalid(() -> new PointsBalance(" ", 0), "PointsBalance.customerId");
            assertInvalid(
                    () -> new PointsTransaction("", "c", PointsTransactionType.REVERSAL, 0, 0, null, "x"),
                    "PointsTransaction.transactionId");
            assertInvalid(
                    () -> new PointsTransaction("t", "c", null, 0, 0, null, "x"), "PointsTransaction.type is required");
        }
    }

    @Nested
    class Discounts {
        @Test
        void discountsArePositiveAndExplained() {
            assertInvalid(() -> new Discount("gold-5", null, eur(0), "Gold: 5 % off"), "Discount.amount must be > 0");
            assertInvalid(() -> new Discount("gold-5", null, eur(100), " "), "Discount.explanation must not be blank");
            assertInvalid(() -> new Discount("", null, eur(100), "x"), "Discount.discountId");
            assertInvalid(() -> new Discount("gold-5", "", eur(100), "x"), "Discount.lineRef");
            assertThat(new Discount("gold-5", null, eur(250), "Gold: 5 % off").lineRef())
                    .isNull();
        }
    }
}
