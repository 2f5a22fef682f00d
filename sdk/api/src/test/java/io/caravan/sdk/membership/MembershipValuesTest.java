package io.caravan.sdk.membership;

import static io.caravan.sdk.Fixtures.TODAY;
import static io.caravan.sdk.Fixtures.assertInvalid;
import static io.caravan.sdk.Fixtures.customer;
import static io.caravan.sdk.Fixtures.eur;
import static io.caravan.sdk.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
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
                    () -> new TierAssignment("", "Gold", BigDecimal.TWO, List.of(), Set.of(), null, "why"),
                    "TierAssignment.tierId");
            assertInvalid(
                    () -> new TierAssignment("gold", "Gold", new BigDecimal("-1"), List.of(), Set.of(), null, "why"),
                    "TierAssignment.pointsMultiplier must be >= 0");
            assertInvalid(
                    () -> new TierAssignment("gold", "Gold", BigDecimal.TWO, List.of(" "), Set.of(), null, "why"),
                    "TierAssignment.benefits[0] must not be blank");
            assertInvalid(
                    () -> new TierAssignment("gold", "Gold", BigDecimal.TWO, List.of(), Set.of(), null, null),
                    "TierAssignment.explanation is required");
            assertInvalid(
                    () -> new TierAssignment("gold", null, BigDecimal.TWO, List.of(), Set.of(), null, "why"),
                    "TierAssignment.displayName is required");
        }
    }

    @Nested
    class Ledger {
        private final java.time.Instant at = java.time.Instant.parse("2026-03-01T10:15:30Z");

        @Test
        void platformBenefitsAreASetTheTierCarries() {
            TierAssignment platinum = new TierAssignment(
                    "platinum",
                    "Platinum",
                    BigDecimal.valueOf(3),
                    List.of("Priority dispatch"),
                    Set.of(TierBenefit.PRIORITY_DISPATCH),
                    null,
                    "EUR 1,200 in 12 months");
            assertThat(platinum.platformBenefits()).containsExactly(TierBenefit.PRIORITY_DISPATCH);
            assertInvalid(
                    () -> new TierAssignment("gold", "Gold", BigDecimal.TWO, List.of(), null, null, "why"),
                    "TierAssignment.platformBenefits is required");
        }

        @Test
        void aGrantIsPositiveBoundedAndItsDatesAreInOrder() {
            assertThat(new PointsGrant("gold-double", 1240, at, at.plusSeconds(86_400), "2 × points").points())
                    .isEqualTo(1240);
            assertInvalid(() -> new PointsGrant("gold-double", 0, at, null, "x"), "PointsGrant.points must be > 0");
            assertInvalid(
                    () -> new PointsGrant("gold-double", PointsGrant.MAX_POINTS + 1, at, null, "x"),
                    "PointsGrant.points must be at most 100000000");
            assertInvalid(
                    () -> new PointsGrant("gold-double", 10, at, at, "x"),
                    "PointsGrant.expiresAt must be after availableAt");
            assertInvalid(() -> new PointsGrant("Gold Double", 10, at, null, "x"), "PointsGrant.ruleId");
            assertInvalid(() -> new PointsGrant("gold", 10, null, null, "x"), "PointsGrant.availableAt is required");
        }

        @Test
        void entriesKeepTheSignOfTheirKindAndOnlyGrantsHaveDates() {
            assertThat(new PointsEntry("e1", PointsEntryKind.REVERSAL, "gold-double", "o1", -310, at, null, null)
                            .points())
                    .isEqualTo(-310);
            assertThat(new PointsEntry("e2", PointsEntryKind.REVERSAL, "redemption", "o1", 500, at, null, null)
                            .points())
                    .as("points given back")
                    .isEqualTo(500);
            assertInvalid(
                    () -> new PointsEntry("e1", PointsEntryKind.GRANT, "r", "o1", -1, at, at, null),
                    "PointsEntry.points has the wrong sign for GRANT");
            assertInvalid(
                    () -> new PointsEntry("e1", PointsEntryKind.REDEMPTION, "r", "o1", 100, at, null, null),
                    "PointsEntry.points has the wrong sign for REDEMPTION");
            assertInvalid(
                    () -> new PointsEntry("e1", PointsEntryKind.EXPIRY, "r", null, 0, at, null, null),
                    "PointsEntry.points must not be zero");
            assertInvalid(
                    () -> new PointsEntry("e1", PointsEntryKind.GRANT, "r", "o1", 10, at, null, null),
                    "PointsEntry.availableAt is required");
            assertInvalid(
                    () -> new PointsEntry("e1", PointsEntryKind.REDEMPTION, "r", "o1", -10, at, at, null),
                    "PointsEntry.availableAt and expiresAt belong to a GRANT");
        }

        @Test
        void aBalanceMayBeNegativeAfterAReversalButPendingPointsCannot() {
            assertThat(new PointsBalance("c", -310, 0).available()).isEqualTo(-310);
            assertInvalid(() -> new PointsBalance("c", 0, -1), "PointsBalance.pending must be >= 0");
            assertInvalid(() -> new PointsBalance(" ", 0, 0), "PointsBalance.customerId");
        }

        @Test
        void anEarnRequestsLinesSumToWhatEarns() {
            io.caravan.sdk.model.Order order = io.caravan.sdk.Fixtures.order();
            assertThat(new EarnRequest(
                                    order,
                                    "c",
                                    "gold",
                                    eur(1500),
                                    java.util.Map.of("1", eur(1000), "2", eur(500)),
                                    "no points on affiliate discounts",
                                    at)
                            .eligibleAmount())
                    .isEqualTo(eur(1500));
            assertInvalid(
                    () -> new EarnRequest(order, "c", null, eur(1500), java.util.Map.of("1", eur(1000)), "rule", at),
                    "EarnRequest.eligibleAmount must be the lines' total");
            assertInvalid(
                    () -> new EarnRequest(order, "c", null, eur(-1), java.util.Map.of(), "rule", at),
                    "EarnRequest.eligibleAmount must not be negative");
        }

        @Test
        void aRedemptionIsPricedForItsOwnMemberAndAReversalCannotRefundMoreThanWasPaid() {
            PointsBalance balance = new PointsBalance("c", 1200, 300);
            assertInvalid(
                    () -> new RedemptionRequest("other", null, balance, io.caravan.sdk.Fixtures.cart(), 100, at),
                    "RedemptionRequest.balance is another member's");
            assertInvalid(
                    () -> new RedemptionRequest("c", null, balance, io.caravan.sdk.Fixtures.cart(), 0, at),
                    "RedemptionRequest.points must be > 0");
            assertInvalid(() -> new RedemptionOffer(100, eur(0), "x"), "RedemptionOffer.value must be > 0");
            io.caravan.sdk.model.Order order = io.caravan.sdk.Fixtures.order();
            assertInvalid(
                    () -> new PointsReversalRequest("r1", "c", order, List.of(), eur(800), eur(300), eur(1000), null),
                    "PointsReversalRequest.refundedAmount with refundedBefore exceeds paidAmount");
            assertInvalid(
                    () -> new PointsReversalRequest("r1", "c", order, List.of(), eur(800), eur(0), usd(1000), null),
                    "PointsReversalRequest.paidAmount");
            assertInvalid(() -> new PointsAdjustment("gold", 0, "x"), "PointsAdjustment.points must be non-zero");
            assertThat(new PointsAdjustment(PointsAdjustment.REDEMPTION_RULE, 500, "points given back").points())
                    .isEqualTo(500);
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
