package io.caravan.sdk.returns;

import static io.caravan.sdk.Fixtures.NOW;
import static io.caravan.sdk.Fixtures.TODAY;
import static io.caravan.sdk.Fixtures.address;
import static io.caravan.sdk.Fixtures.assertInvalid;
import static io.caravan.sdk.Fixtures.eur;
import static io.caravan.sdk.Fixtures.order;
import static io.caravan.sdk.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sdk.model.Warehouse;
import io.caravan.sdk.model.WarehouseKind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReturnValuesTest {
    private static final ReturnLine ONE_SHIRT = ReturnLine.refund("1", 1, ReturnReason.WRONG_SIZE);
    private static final LineDelivery SHIRTS_DELIVERED = new LineDelivery("1", 2, TODAY.plusDays(6));
    private static final LineDelivery SOCKS_DELIVERED = new LineDelivery("2", 2, TODAY.plusDays(9));
    private static final Warehouse BERLIN_HUB = new Warehouse("berlin-hub", address(), WarehouseKind.LOCAL, 1);

    private static ReturnRequest.Builder request() {
        return ReturnRequest.builder()
                .returnId("r1")
                .order(order())
                .line(ONE_SHIRT)
                .delivery(SHIRTS_DELIVERED)
                .requestedAt(NOW);
    }

    @Nested
    class Requests {
        @Test
        void linesArePositiveReasonedAndAskForAResolution() {
            assertInvalid(() -> ReturnLine.refund("1", 0, ReturnReason.DEFECTIVE), "ReturnLine.quantity must be > 0");
            assertInvalid(() -> ReturnLine.refund("1", 1, null), "ReturnLine.reason is required");
            assertInvalid(() -> ReturnLine.refund("", 1, ReturnReason.OTHER), "ReturnLine.lineRef");
            assertInvalid(
                    () -> new ReturnLine("1", 1, ReturnReason.OTHER, "c".repeat(1001), ResolutionType.REFUND, null),
                    "ReturnLine.comment must be at most 1000");
            assertInvalid(
                    () -> new ReturnLine("1", 1, ReturnReason.OTHER, null, null, null),
                    "ReturnLine.resolution is required");
        }

        @Test
        void onlyAnExchangeNamesAndNeedsTheVariantWanted() {
            assertThat(new ReturnLine("1", 1, ReturnReason.WRONG_SIZE, null, ResolutionType.EXCHANGE, "var-1-L")
                            .exchangeVariantId())
                    .isEqualTo("var-1-L");
            assertInvalid(
                    () -> new ReturnLine("1", 1, ReturnReason.WRONG_SIZE, null, ResolutionType.EXCHANGE, null),
                    "ReturnLine.exchangeVariantId (required for EXCHANGE)");
            assertInvalid(
                    () -> new ReturnLine("1", 1, ReturnReason.WRONG_SIZE, null, ResolutionType.STORE_CREDIT, "v"),
                    "ReturnLine.exchangeVariantId must be null for STORE_CREDIT");
        }

        @Test
        void everyLineIsADeliveredLineOfTheOrderAtMostOnce() {
            assertInvalid(
                    () -> request()
                            .line(ReturnLine.refund("9", 1, ReturnReason.OTHER))
                            .build(),
                    "ReturnRequest.lines[1].lineRef \"9\" is not a line of order order-1");
            assertInvalid(
                    () -> request().line(ONE_SHIRT).build(), "ReturnRequest.lines[1].lineRef \"1\" is listed twice");
            assertInvalid(
                    () -> ReturnRequest.builder()
                            .returnId("r1")
                            .order(order())
                            .line(ReturnLine.refund("1", 2, ReturnReason.OTHER))
                            .delivery(new LineDelivery("1", 1, TODAY))
                            .requestedAt(NOW)
                            .build(),
                    "ReturnRequest.lines[0].quantity must be at most 1 (delivered), was 2");
            assertInvalid(
                    () -> ReturnRequest.builder()
                            .returnId("r1")
                            .order(order())
                            .line(ONE_SHIRT)
                            .requestedAt(NOW)
                            .build(),
                    "ReturnRequest.lines[0].quantity must be at most 0 (delivered), was 1");
        }

        @Test
        void deliveriesAreOfLinesOfTheOrderAndNeverMoreThanBought() {
            assertInvalid(
                    () -> request().delivery(new LineDelivery("9", 1, TODAY)).build(),
                    "ReturnRequest.deliveries[1].lineRef \"9\" is not a line of order order-1");
            assertInvalid(
                    () -> request().delivery(new LineDelivery("1", 1, TODAY)).build(),
                    "ReturnRequest.deliveries deliver 3 units of line \"1\", more than the 2 bought");
            assertInvalid(() -> new LineDelivery("1", 0, TODAY), "LineDelivery.quantity must be > 0");
            assertInvalid(() -> new LineDelivery("1", 1, null), "LineDelivery.deliveredOn is required");
            assertInvalid(() -> new LineDelivery(" ", 1, TODAY), "LineDelivery.lineRef");
        }

        @Test
        void theWindowCountsFromTheLastItemOfTheOrderDelivered() {
            ReturnRequest partly = request().build();
            assertThat(partly.deliveredOn("1")).contains(TODAY.plusDays(6));
            assertThat(partly.deliveredOn("2")).isEmpty();
            assertThat(partly.lastDeliveredOn()).isEmpty();
            ReturnRequest split = request()
                    .delivery(new LineDelivery("2", 1, TODAY.plusDays(7)))
                    .delivery(new LineDelivery("2", 1, TODAY.plusDays(11)))
                    .build();
            assertThat(split.lastDeliveredOn()).contains(TODAY.plusDays(11));
            assertThat(request().delivery(SOCKS_DELIVERED).build().lastDeliveredOn())
                    .contains(TODAY.plusDays(9));
        }

        @Test
        void statutoryAnswersAreForRequestedLinesOnce() {
            LineEligibility law = new LineEligibility("1", true, TODAY.plusDays(20), "EU-CRD-14D", "14 days");
            assertThat(request().statutory(law).build().statutory("1")).contains(law);
            assertInvalid(
                    () -> request()
                            .statutory(new LineEligibility("2", true, TODAY, "EU-CRD-14D", "14 days"))
                            .build(),
                    "ReturnRequest.statutory[0].lineRef \"2\" is not a requested line");
            assertInvalid(
                    () -> request().statutory(law).statutory(law).build(),
                    "ReturnRequest.statutory[1].lineRef \"1\" is listed twice");
        }

        @Test
        void needsIdOrderStatusLinesAndTime() {
            assertInvalid(() -> request().returnId("").build(), "ReturnRequest.returnId");
            assertInvalid(() -> request().order(null).build(), "ReturnRequest.order is required");
            assertInvalid(() -> request().status(null).build(), "ReturnRequest.status is required");
            assertInvalid(() -> request().requestedAt(null).build(), "ReturnRequest.requestedAt is required");
            assertInvalid(
                    () -> ReturnRequest.builder()
                            .returnId("r1")
                            .order(order())
                            .requestedAt(NOW)
                            .build(),
                    "ReturnRequest.lines must not be empty");
            ReturnRequest full = request()
                    .warehouse(BERLIN_HUB)
                    .deadline(new StepDeadline(ReturnStep.FIRST_RESPONSE, NOW.plusSeconds(86_400)))
                    .build();
            assertThat(full.status()).isEqualTo(ReturnCaseStatus.REQUESTED);
            assertThat(full.warehouses()).containsExactly(BERLIN_HUB);
            assertInvalid(() -> new StepDeadline(null, NOW), "StepDeadline.step is required");
            assertInvalid(() -> new StepDeadline(ReturnStep.REFUND, null), "StepDeadline.dueAt is required");
        }

        @Test
        void theCaseStatesThatEndACase() {
            assertThat(Arrays.stream(ReturnCaseStatus.values()).filter(ReturnCaseStatus::isFinal))
                    .containsExactly(
                            ReturnCaseStatus.DECLINED,
                            ReturnCaseStatus.REFUNDED,
                            ReturnCaseStatus.REPLACED,
                            ReturnCaseStatus.CLOSED,
                            ReturnCaseStatus.CANCELLED);
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
    }

    @Nested
    class Authorization {
        private final LineDecision accepted =
                new LineDecision("1", 1, ResolutionType.REFUND, eur(300), "store-30d", "30 days under our policy");
        private final LineDecision declined =
                new LineDecision("2", 0, null, null, "exempt-hygiene", "Sealed hygiene goods, opened");
        private final ReturnDestination hub = new ReturnDestination(ReturnDestinationKind.RETURNS_HUB, "berlin-hub");

        private ReturnAuthorization authorization(
                String rma, ReturnDestination destination, java.time.LocalDate by, ReturnShippingPayer payer) {
            return new ReturnAuthorization(rma, List.of(accepted, declined), destination, by, payer, null, "Accepted");
        }

        @Test
        void anAuthorisedCaseHasAnRmaADestinationADueDateAndAPayer() {
            ReturnAuthorization ok = authorization("RMA-1", hub, TODAY.plusDays(14), ReturnShippingPayer.SHOPPER);
            assertThat(ok.anyAuthorized()).isTrue();
            assertInvalid(
                    () -> authorization(null, hub, TODAY, ReturnShippingPayer.STORE),
                    "ReturnAuthorization.rmaNumber (a line is authorised) is required");
            assertInvalid(
                    () -> authorization("RMA-1", null, TODAY, ReturnShippingPayer.STORE),
                    "ReturnAuthorization.destination (a line is authorised) is required");
            assertInvalid(
                    () -> authorization("RMA-1", hub, null, ReturnShippingPayer.STORE),
                    "ReturnAuthorization.returnBy (goods travel back) is required");
            assertInvalid(
                    () -> authorization("RMA-1", hub, TODAY, null),
                    "ReturnAuthorization.shippingPaidBy (goods travel back) is required");
        }

        @Test
        void goodsTheShopperKeepsHaveNoDueDateNorPostage() {
            assertThat(authorization("RMA-1", ReturnDestination.keepIt(), null, null)
                            .destination()
                            .warehouseId())
                    .isNull();
            assertInvalid(
                    () -> authorization("RMA-1", ReturnDestination.keepIt(), TODAY, null),
                    "ReturnAuthorization.returnBy and shippingPaidBy must be null when the shopper keeps the goods");
            assertInvalid(
                    () -> new ReturnDestination(ReturnDestinationKind.KEEP_IT, "berlin-hub"),
                    "ReturnDestination.warehouseId must be null for KEEP_IT");
            assertInvalid(
                    () -> new ReturnDestination(ReturnDestinationKind.NEAREST_WAREHOUSE, null),
                    "ReturnDestination.warehouseId (required for NEAREST_WAREHOUSE)");
            assertInvalid(() -> new ReturnDestination(null, "w"), "ReturnDestination.kind is required");
            assertInvalid(
                    () -> new ReturnDestination(ReturnDestinationKind.ORIGIN, "w".repeat(65)),
                    "ReturnDestination.warehouseId (required for ORIGIN) must be at most 64");
        }

        @Test
        void aCaseDeclinedAsAWholeHasNothingToSend() {
            ReturnAuthorization no = new ReturnAuthorization(null, List.of(declined), null, null, null, null, "No");
            assertThat(no.anyAuthorized()).isFalse();
            assertInvalid(
                    () -> new ReturnAuthorization("RMA-1", List.of(declined), null, null, null, null, "No"),
                    "must be null when every line is declined");
            assertInvalid(
                    () -> new ReturnAuthorization(null, List.of(declined), hub, null, null, null, "No"),
                    "must be null when every line is declined");
        }

        @Test
        void eachLineIsDecidedOnceAndADeclinedLineGetsNothing() {
            assertInvalid(
                    () -> new ReturnAuthorization(
                            "RMA-1", List.of(accepted, accepted), hub, TODAY, ReturnShippingPayer.STORE, null, "x"),
                    "ReturnAuthorization.lines[1].lineRef \"1\" is decided twice");
            assertInvalid(
                    () -> new ReturnAuthorization(null, List.of(), null, null, null, null, "x"),
                    "ReturnAuthorization.lines must not be empty");
            assertInvalid(
                    () -> new ReturnAuthorization(
                            "RMA-1", List.of(accepted), hub, TODAY, ReturnShippingPayer.STORE, "i", ""),
                    "ReturnAuthorization.explanation");
            assertInvalid(
                    () -> new LineDecision("1", 0, ResolutionType.REFUND, null, "r", "x"),
                    "LineDecision.resolution must be null for a declined line");
            assertInvalid(
                    () -> new LineDecision("1", 0, null, eur(100), "r", "x"),
                    "LineDecision.restockingFee must be null for a declined line");
            assertInvalid(
                    () -> new LineDecision("1", 1, null, null, "r", "x"),
                    "LineDecision.resolution (an authorised line) is required");
            assertInvalid(() -> new LineDecision("1", -1, null, null, "r", "x"), "LineDecision.quantity must be >= 0");
            assertInvalid(
                    () -> new LineDecision("1", 1, ResolutionType.REFUND, eur(-1), "r", "x"),
                    "LineDecision.restockingFee must not be negative");
            assertInvalid(() -> new LineDecision("1", 1, ResolutionType.REFUND, null, "", "x"), "LineDecision.ruleId");
        }
    }

    @Nested
    class Refunds {
        private final RefundLine shirt = new RefundLine("1", 1, eur(1999), eur(319), "Full price, VAT included");
        private final ReturnedItem shirtBack =
                new ReturnedItem("1", 1, ReturnReason.WRONG_SIZE, ItemCondition.AS_NEW, InspectionGrade.RESTOCK);
        private final ReturnAuthorization authorised = new ReturnAuthorization(
                "RMA-1",
                List.of(new LineDecision("1", 1, ResolutionType.REFUND, null, "EU-CRD-14D", "14 days")),
                new ReturnDestination(ReturnDestinationKind.NEAREST_WAREHOUSE, "berlin-hub"),
                TODAY.plusDays(14),
                ReturnShippingPayer.STORE,
                null,
                "Accepted");
        private final PaidLine shirtsPaid = new PaidLine("1", 2, eur(3998), eur(0));

        private RefundCalculationRequest request(List<ReturnedItem> items, List<PaidLine> paid, long shippingRefunded) {
            return new RefundCalculationRequest(
                    "r1", order(), authorised, items, paid, eur(490), eur(shippingRefunded), null);
        }

        @Test
        void itemsAreInspectedAndGradedLinesOfTheOrder() {
            assertInvalid(
                    () -> new ReturnedItem(
                            "1", 0, ReturnReason.DEFECTIVE, ItemCondition.DEFECTIVE, InspectionGrade.SCRAP),
                    "ReturnedItem.quantity must be > 0");
            assertInvalid(
                    () -> new ReturnedItem("1", 1, ReturnReason.DEFECTIVE, null, InspectionGrade.SCRAP),
                    "ReturnedItem.condition is required");
            assertInvalid(
                    () -> new ReturnedItem("1", 1, null, ItemCondition.AS_NEW, InspectionGrade.RESTOCK),
                    "ReturnedItem.reason is required");
            assertInvalid(
                    () -> new ReturnedItem("1", 1, ReturnReason.OTHER, ItemCondition.AS_NEW, null),
                    "ReturnedItem.grade is required");
            assertInvalid(
                    () -> request(
                            List.of(new ReturnedItem(
                                    "9", 1, ReturnReason.OTHER, ItemCondition.AS_NEW, InspectionGrade.RESTOCK)),
                            List.of(shirtsPaid),
                            0),
                    "RefundCalculationRequest.items[0].lineRef \"9\" is not a line of order order-1");
            assertInvalid(
                    () -> request(List.of(), List.of(shirtsPaid), 0),
                    "RefundCalculationRequest.items must not be empty");
        }

        @Test
        void theCalculatorSeesWhatWasPaidAndRefundedPerLineAndForShipping() {
            RefundCalculationRequest r =
                    request(List.of(shirtBack), List.of(new PaidLine("1", 2, eur(3998), eur(1999))), 190);
            assertThat(r.paidLine("1").orElseThrow().remaining()).isEqualTo(eur(1999));
            assertThat(r.paidLine("2")).isEmpty();
            assertThat(r.shippingRemaining()).isEqualTo(eur(300));
            assertInvalid(
                    () -> request(List.of(shirtBack), List.of(), 0),
                    "RefundCalculationRequest.items[0].lineRef \"1\" has no paid line");
            assertInvalid(
                    () -> request(List.of(shirtBack), List.of(shirtsPaid, shirtsPaid), 0),
                    "RefundCalculationRequest.paidLines[1].lineRef \"1\" is listed twice");
            assertInvalid(
                    () -> request(List.of(shirtBack), List.of(shirtsPaid, new PaidLine("9", 1, eur(1), eur(0))), 0),
                    "RefundCalculationRequest.paidLines[1].lineRef \"9\" is not a line of order order-1");
            assertInvalid(
                    () -> request(List.of(shirtBack), List.of(new PaidLine("1", 2, usd(3998), usd(0))), 0),
                    "RefundCalculationRequest.paidLines[0].paid must be in EUR");
            assertInvalid(
                    () -> request(List.of(shirtBack), List.of(shirtsPaid), 491),
                    "RefundCalculationRequest.shippingRefunded must be at most shippingPaid (EUR 4.90), was EUR 4.91");
            assertInvalid(
                    () -> new RefundCalculationRequest(
                            "r1",
                            order(),
                            authorised,
                            List.of(shirtBack),
                            List.of(shirtsPaid),
                            eur(490),
                            eur(0),
                            eur(-1)),
                    "RefundCalculationRequest.returnShippingCharge must not be negative");
            assertInvalid(
                    () -> new RefundCalculationRequest(
                            "r1", order(), null, List.of(shirtBack), List.of(shirtsPaid), eur(490), eur(0), null),
                    "RefundCalculationRequest.authorization is required");
            assertInvalid(
                    () -> new RefundCalculationRequest(
                            "", order(), authorised, List.of(shirtBack), List.of(shirtsPaid), eur(490), eur(0), null),
                    "RefundCalculationRequest.returnId");
        }

        @Test
        void nothingIsRefundedOfALineBeyondWhatWasPaid() {
            assertInvalid(
                    () -> new PaidLine("1", 2, eur(3998), eur(3999)),
                    "PaidLine.refunded must be at most paid (EUR 39.98), was EUR 39.99");
            assertInvalid(() -> new PaidLine("1", 2, eur(3998), usd(0)), "PaidLine.refunded must be in EUR");
            assertInvalid(() -> new PaidLine("1", 0, eur(3998), eur(0)), "PaidLine.quantity must be > 0");
            assertInvalid(() -> new PaidLine("1", 1, eur(-1), eur(0)), "PaidLine.paid must not be negative");
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
        void totalIsLinesPlusShippingMinusTheDeductionsEachWithItsReason() {
            RefundBreakdown refund = new RefundBreakdown(
                    List.of(shirt),
                    eur(490),
                    List.of(
                            new Deduction(DeductionKind.RETURN_SHIPPING, null, eur(590), "Return postage"),
                            new Deduction(DeductionKind.RESTOCKING_FEE, "1", eur(100), "Restocking")),
                    "Return shipping deducted");
            assertThat(refund.total()).isEqualTo(eur(1799));
            assertInvalid(
                    () -> new Deduction(DeductionKind.RESTOCKING_FEE, "1", eur(0), "x"),
                    "Deduction.amount must be > 0");
            assertInvalid(() -> new Deduction(null, null, eur(1), "x"), "Deduction.kind is required");
            assertInvalid(
                    () -> new Deduction(DeductionKind.DIMINISHED_VALUE, null, eur(1), ""), "Deduction.explanation");
        }

        @Test
        void deductionsCannotExceedTheRefundAndCurrenciesAgree() {
            Deduction tooMuch = new Deduction(DeductionKind.RESTOCKING_FEE, "1", eur(2000), "x");
            assertInvalid(
                    () -> new RefundBreakdown(List.of(shirt), eur(0), List.of(tooMuch), "x"),
                    "RefundBreakdown.deductions must not exceed the lines and shipping refunded");
            assertInvalid(
                    () -> new RefundBreakdown(List.of(shirt), usd(0), List.of(), "x"),
                    "RefundBreakdown.shippingRefund must be in EUR");
            assertInvalid(
                    () -> new RefundBreakdown(
                            List.of(shirt),
                            eur(0),
                            List.of(new Deduction(DeductionKind.RESTOCKING_FEE, null, usd(1), "x")),
                            "x"),
                    "RefundBreakdown.deductions[0].amount must be in EUR");
            assertInvalid(
                    () -> new RefundBreakdown(
                            List.of(shirt, new RefundLine("2", 1, usd(500), usd(0), "x")), eur(0), List.of(), "x"),
                    "RefundBreakdown.lines[1].amount must be in EUR");
            assertInvalid(
                    () -> new RefundBreakdown(List.of(), eur(0), List.of(), "x"),
                    "RefundBreakdown.lines must not be empty");
        }
    }
}
