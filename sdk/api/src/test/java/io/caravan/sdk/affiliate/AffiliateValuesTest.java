package io.caravan.sdk.affiliate;

import static io.caravan.sdk.Fixtures.NOW;
import static io.caravan.sdk.Fixtures.assertInvalid;
import static io.caravan.sdk.Fixtures.eur;
import static io.caravan.sdk.Fixtures.order;
import static io.caravan.sdk.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AffiliateValuesTest {
    private static final Attribution ATTRIBUTION =
            new Attribution("kol-42", "MIA10", null, "last-click-30d", "Last referral link clicked within 30 days");
    private static final CommissionLine LINE = new CommissionLine("1", eur(5000), new BigDecimal("0.08"), eur(400));

    @Test
    void touchpointsNeedCodeTypeAndTime() {
        assertInvalid(() -> new Touchpoint("", TouchpointType.LINK, NOW, null), "Touchpoint.referralCode");
        assertInvalid(() -> new Touchpoint("MIA10", null, NOW, null), "Touchpoint.type is required");
        assertInvalid(() -> new Touchpoint("MIA10", TouchpointType.CODE, null, null), "Touchpoint.at is required");
        assertInvalid(() -> new Touchpoint("MIA10", TouchpointType.LINK, NOW, " "), "Touchpoint.channel");
    }

    @Test
    void touchpointsAreKeptOldestFirst() {
        Touchpoint later = new Touchpoint("B", TouchpointType.CODE, NOW.plusSeconds(60), null);
        Touchpoint earlier = new Touchpoint("A", TouchpointType.LINK, NOW, "tiktok");
        assertThat(new AttributionRequest(order(), List.of(later, earlier)).touchpoints())
                .containsExactly(earlier, later);
        assertInvalid(() -> new AttributionRequest(null, List.of()), "AttributionRequest.order is required");
        assertInvalid(() -> new AttributionRequest(order(), null), "AttributionRequest.touchpoints is required");
    }

    @Test
    void attributionNamesAffiliateCodeAndRule() {
        assertInvalid(() -> new Attribution("", "MIA10", null, "r", "e"), "Attribution.affiliateId");
        assertInvalid(() -> new Attribution("k", "", null, "r", "e"), "Attribution.referralCode");
        assertInvalid(() -> new Attribution("k", "MIA10", null, "", "e"), "Attribution.ruleId");
        assertInvalid(() -> new Attribution("k", "MIA10", "", "r", "e"), "Attribution.campaignId");
        assertInvalid(
                () -> new CommissionRequest(order(), null, Map.of(), "points and commission both", NOW),
                "CommissionRequest.attribution is required");
        assertInvalid(
                () -> new CommissionRequest(order(), ATTRIBUTION, Map.of("1", eur(-1)), "rule", NOW),
                "CommissionRequest.commissionableLines[1] must not be negative");
        assertThat(new CommissionRequest(order(), ATTRIBUTION, Map.of("1", eur(5000)), "rule", NOW).attribution())
                .isEqualTo(ATTRIBUTION);
    }

    @Test
    void aProposalIsItsLinesTotalAtALevelOfTheChainAndPendingUntilApprovable() {
        CommissionProposal proposal = new CommissionProposal(
                "kol-42", 1, "micro-8pct", List.of(LINE), eur(400), NOW.plusSeconds(86_400 * 14), "8 %");
        assertThat(proposal.amount()).isEqualTo(eur(400));
        assertInvalid(
                () -> new CommissionProposal("kol-42", 1, "r", List.of(LINE), eur(401), NOW, "x"),
                "CommissionProposal.amount must be the lines' total");
        assertInvalid(
                () -> new CommissionProposal("kol-42", 4, "r", List.of(LINE), eur(400), NOW, "x"),
                "CommissionProposal.level must be 1 to 3");
        assertInvalid(
                () -> new CommissionProposal("kol-42", 1, "r", List.of(LINE, LINE), eur(800), NOW, "x"),
                "CommissionProposal.lines[1].lineId \"1\" is listed twice");
        assertInvalid(
                () -> new CommissionProposal("kol-42", 1, "r", List.of(LINE), eur(400), null, "x"),
                "CommissionProposal.approvableAt is required");
        assertInvalid(
                () -> new CommissionLine("1", eur(100), new BigDecimal("1.5"), eur(100)),
                "CommissionLine.rate must be at most 1");
        assertInvalid(
                () -> new CommissionLine("1", eur(100), new BigDecimal("0.5"), eur(101)),
                "CommissionLine.amount must be at most commissionable");
        assertInvalid(() -> new CommissionLine("1", eur(100), null, usd(10)), "CommissionLine.amount must be in EUR");
    }

    @Test
    void entriesKeepTheSignOfTheirKindAndAdjustmentsTakeBackAPositiveAmount() {
        CommissionEntry accrual =
                new CommissionEntry("e1", CommissionEntryKind.ACCRUAL, "kol-42", "o1", 1, "r", eur(400), NOW, NOW);
        assertThat(accrual.approvableAt()).isEqualTo(NOW);
        assertThat(new CommissionEntry("e2", CommissionEntryKind.REVERSAL, "kol-42", "o1", 1, "r", eur(-200), NOW, null)
                        .amount())
                .isEqualTo(eur(-200));
        assertInvalid(
                () -> new CommissionEntry(
                        "e2", CommissionEntryKind.REVERSAL, "kol-42", "o1", 1, "r", eur(200), NOW, null),
                "CommissionEntry.amount has the wrong sign for REVERSAL");
        assertInvalid(
                () -> new CommissionEntry(
                        "e1", CommissionEntryKind.ACCRUAL, "kol-42", "o1", 1, "r", eur(400), NOW, null),
                "CommissionEntry.approvableAt is set on an ACCRUAL and only there");
        assertInvalid(
                () -> new CommissionAdjustment("kol-42", 1, "r", eur(0), "x"),
                "CommissionAdjustment.amount must be > 0");
        assertInvalid(
                () -> new CommissionAdjustment("kol-42", 0, "r", eur(10), "x"),
                "CommissionAdjustment.level must be 1 to 3");
    }

    @Test
    void reversalsAreForAPositiveRefundWithLinesInItsCurrency() {
        assertInvalid(
                () -> new CommissionReversalRequest("r1", order(), List.of(), Map.of(), eur(0), null),
                "CommissionReversalRequest.refundedAmount must be > 0");
        assertInvalid(
                () -> new CommissionReversalRequest("r1", order(), List.of(), Map.of("1", usd(100)), eur(100), null),
                "CommissionReversalRequest.refundedLines[1] must be in EUR");
        assertInvalid(
                () -> new CommissionReversalRequest("", order(), List.of(), Map.of(), eur(100), null),
                "CommissionReversalRequest.refundId");
        assertInvalid(
                () -> new CommissionReversalRequest("r1", null, List.of(), Map.of(), eur(100), null),
                "CommissionReversalRequest.order is required");
    }
}
