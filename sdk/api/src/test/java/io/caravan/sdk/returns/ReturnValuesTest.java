package io.caravan.sdk.returns;

import static io.caravan.sdk.Fixtures.NOW;
import static io.caravan.sdk.Fixtures.TODAY;
import static io.caravan.sdk.Fixtures.address;
import static io.caravan.sdk.Fixtures.assertInvalid;
import static io.caravan.sdk.Fixtures.eur;
import static io.caravan.sdk.Fixtures.order;
import static io.caravan.sdk.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReturnValuesTest {
    private static final ReturnLine ONE_SHIRT = new ReturnLine("1", 1, ReturnReason.WRONG_SIZE, null);

    @Nested
    class Requests {
        @Test
        void linesArePositiveAndReasoned() {
            assertInvalid(
                    () -> new ReturnLine("1", 0, ReturnReason.DEFECTIVE, null), "ReturnLine.quantity must be > 0");
            assertInvalid(() -> new ReturnLine("1", 1, null, null), "ReturnLine.reason is required");
            assertInvalid(() -> new ReturnLine("", 1, ReturnReason.OTHER, null), "ReturnLine.lineRef");
            assertInvalid(
                    () -> new ReturnLine("1", 1, ReturnReason.OTHER, "c".repeat(1001)),
                    "ReturnLine.comment must be at most 1000");
        }

        @Test
        void everyLineIsALineOfTheOrderAtMostOnceAndAtMostAsManyAsBought() {
            assertInvalid(
                    () -> new ReturnRequest(
                            "r1", order(), List.of(new ReturnLine("9", 1, ReturnReason.OTHER, null)), TODAY, NOW),
                    "ReturnRequest.lines[0].lineRef \"9\" is not a line of order order-1");
            assertInvalid(
                    () -> new ReturnRequest("r1", order(), List.of(ONE_SHIRT, ONE_SHIRT), TODAY, NOW),
                    "ReturnRequest.lines[1].lineRef \"1\" is listed twice");
            assertInvalid(
                    () -> new ReturnRequest(
                            "r1", order(), List.of(new ReturnLine("1", 3, ReturnReason.OTHER, null)), TODAY, NOW),
                    "ReturnRequest.lines[0].quantity must be at most 2 (bought), was 3");
        }

        @Test
        void needsIdOrderLinesAndTime() {
            assertInvalid(
                    () -> new ReturnRequest("", order(), List.of(ONE_SHIRT), TODAY, NOW), "ReturnRequest.returnId");
            assertInvalid(
                    () -> new ReturnRequest("r1", null, List.of(ONE_SHIRT), TODAY, NOW),
                    "ReturnRequest.order is required");
            assertInvalid(
                    () -> new ReturnRequest("r1", order(), List.of(), TODAY, NOW),
                    "ReturnRequest.lines must not be empty");
            assertInvalid(
                    () -> new ReturnRequest("r1", order(), List.of(ONE_SHIRT), TODAY, null),
                    "ReturnRequest.requestedAt is required");
            assertThat(new ReturnRequest("r1", order(), List.of(ONE_SHIRT), null, NOW).deliveredOn())
                    .isNull();
        }
    }

    @Nested
    class Eligibility {
        @Test
        void returnByComesExactlyWithEligibility() {
            assertInvalid(
                    () -> new LineEligibility("1", true, null, "EU-CRD-14D", "14 days from delivery"),
                    "LineEligibility.returnBy is required for an eligible line");
            assertInvalid(
                    () -> new LineEligibility("1", false, TODAY, "exempt-personalised", "Personalised"),
                    "LineEligibility.returnBy must be null for an ineligible line");
            assertInvalid(() -> new LineEligibility("1", true, TODAY, "", "x"), "LineEligibility.ruleId");
            assertInvalid(() -> new LineEligibility("1", true, TODAY, "r", " "), "LineEligibility.explanation");
        }

        @Test
        void allEligibleOnlyWhenEveryLineIs() {
            LineEligibility yes = new LineEligibility("1", true, TODAY.plusDays(14), "EU-CRD-14D", "14 days");
            LineEligibility no = new LineEligibility("2", false, null, "exempt-hygiene", "Sealed hygiene goods");
            assertThat(new ReturnEligibility(List.of(yes)).allEligible()).isTrue();
            assertThat(new ReturnEligibility(List.of(yes, no)).allEligible()).isFalse();
            assertInvalid(() -> new ReturnEligibility(List.of()), "ReturnEligibility.lines must not be empty");
        }

        @Test
        void authorizationNeedsNumberLinesDestinationAndDeadline() {
            assertInvalid(
                    () -> new ReturnAuthorization("", List.of(ONE_SHIRT), address(), TODAY, "Pack it", null),
                    "ReturnAuthorization.rmaNumber");
            assertInvalid(
                    () -> new ReturnAuthorization("RMA-1", List.of(), address(), TODAY, "Pack it", null),
                    "ReturnAuthorization.lines must not be empty");
            assertInvalid(
                    () -> new ReturnAuthorization("RMA-1", List.of(ONE_SHIRT), null, TODAY, "Pack it", null),
                    "ReturnAuthorization.returnTo is required");
            assertInvalid(
                    () -> new ReturnAuthorization("RMA-1", List.of(ONE_SHIRT), address(), null, "Pack it", null),
                    "ReturnAuthorization.returnBy is required");
            assertInvalid(
                    () -> new ReturnAuthorization("RMA-1", List.of(ONE_SHIRT), address(), TODAY, "", null),
                    "ReturnAuthorization.instructions");
        }
    }

    @Nested
    class Refunds {
        private final RefundLine shirt = new RefundLine("1", 1, eur(1999), eur(319), "Full price, VAT included");

        @Test
        void itemsAreInspectedLinesOfTheOrder() {
            assertInvalid(
                    () -> new ReturnedItem("1", 0, ReturnReason.DEFECTIVE, ItemCondition.DEFECTIVE),
                    "ReturnedItem.quantity must be > 0");
            assertInvalid(
                    () -> new ReturnedItem("1", 1, ReturnReason.DEFECTIVE, null), "ReturnedItem.condition is required");
            assertInvalid(
                    () -> new ReturnedItem("1", 1, null, ItemCondition.AS_NEW), "ReturnedItem.reason is required");
            assertInvalid(
                    () -> new RefundCalculationRequest(
                            "r1", order(), List.of(new ReturnedItem("9", 1, ReturnReason.OTHER, ItemCondition.AS_NEW))),
                    "RefundCalculationRequest.items[0].lineRef \"9\" is not a line of order order-1");
            assertInvalid(
                    () -> new RefundCalculationRequest("r1", order(), List.of()),
                    "RefundCalculationRequest.items must not be empty");
            assertInvalid(
                    () -> new RefundCalculationRequest(
                            "", order(), List.of(new ReturnedItem("1", 1, ReturnReason.OTHER, ItemCondition.AS_NEW))),
                    "RefundCalculationRequest.returnId");
        }

        @Test
        void lineTaxIsPartOfTheLineAmount() {
            assertInvalid(
                    () -> new RefundLine("1", 1, eur(100), eur(101), "x"),
                    "RefundLine.taxIncluded must be at most amount (EUR 1.00), was EUR 1.01");
            assertInvalid(
                    () -> new RefundLine("1", 1, eur(100), usd(10), "x"), "RefundLine.taxIncluded must be in EUR");
            assertInvalid(
                    () -> new RefundLine("1", 1, eur(-100), eur(0), "x"), "RefundLine.amount must not be negative");
            assertInvalid(() -> new RefundLine("1", 0, eur(100), eur(0), "x"), "RefundLine.quantity must be > 0");
            assertInvalid(() -> new RefundLine("1", 1, eur(100), eur(0), ""), "RefundLine.explanation");
        }

        @Test
        void totalIsLinesPlusShippingMinusDeductions() {
            RefundBreakdown refund =
                    new RefundBreakdown(List.of(shirt), eur(490), eur(590), "Return shipping deducted");
            assertThat(refund.total()).isEqualTo(eur(1899));
        }

        @Test
        void deductionsCannotExceedTheRefundAndCurrenciesAgree() {
            assertInvalid(
                    () -> new RefundBreakdown(List.of(shirt), eur(0), eur(2000), "x"),
                    "RefundBreakdown.deductions (EUR 20.00) must not exceed the lines and shipping refunded");
            assertInvalid(
                    () -> new RefundBreakdown(List.of(shirt), usd(0), eur(0), "x"),
                    "RefundBreakdown.shippingRefund must be in EUR");
            assertInvalid(
                    () -> new RefundBreakdown(
                            List.of(shirt, new RefundLine("2", 1, usd(500), usd(0), "x")), eur(0), eur(0), "x"),
                    "RefundBreakdown.lines[1].amount must be in EUR");
            assertInvalid(
                    () -> new RefundBreakdown(List.of(shirt), eur(0), eur(-1), "x"),
                    "RefundBreakdown.deductions must not be negative");
            assertInvalid(
                    () -> new RefundBreakdown(List.of(), eur(0), eur(0), "x"),
                    "RefundBreakdown.lines must not be empty");
        }
    }
}
