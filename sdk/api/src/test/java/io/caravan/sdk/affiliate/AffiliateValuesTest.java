package io.caravan.sdk.affiliate;

import static io.caravan.sdk.Fixtures.NOW;
import static io.caravan.sdk.Fixtures.assertInvalid;
import static io.caravan.sdk.Fixtures.eur;
import static io.caravan.sdk.Fixtures.order;
import static io.caravan.sdk.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AffiliateValuesTest {
    private static final Attribution ATTRIBUTION =
            new Attribution("kol-42", "MIA10", null, "last-click-30d", "Last referral link clicked within 30 days");
    private static final Commission COMMISSION =
            new Commission("kol-42", "order-1", eur(400), new BigDecimal("0.08"), "micro-kol-8pct", "8 % of EUR 49.98");

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
        assertInvalid(() -> new CommissionRequest(order(), null), "CommissionRequest.attribution is required");
        assertThat(new CommissionRequest(order(), ATTRIBUTION).attribution()).isEqualTo(ATTRIBUTION);
    }

    @Test
    void commissionsAreNotNegative() {
        assertInvalid(
                () -> new Commission("k", "o", eur(-1), null, "r", "e"), "Commission.amount must not be negative");
        assertInvalid(
                () -> new Commission("k", "o", eur(1), new BigDecimal("-0.1"), "r", "e"),
                "Commission.rate must be >= 0");
        assertInvalid(() -> new Commission("k", "o", eur(1), null, "r", ""), "Commission.explanation");
        assertThat(new Commission("k", "o", eur(500), null, "flat-5", "Flat EUR 5 per order").rate())
                .isNull();
    }

    @Test
    void reversalsAreForAPositiveRefundInTheCommissionCurrency() {
        assertInvalid(
                () -> new CommissionReversalRequest("k", COMMISSION, eur(0), null),
                "CommissionReversalRequest.refundedAmount must be > 0");
        assertInvalid(
                () -> new CommissionReversalRequest("k", COMMISSION, usd(100), null),
                "CommissionReversalRequest.refundedAmount must be in EUR");
        assertInvalid(
                () -> new CommissionReversalRequest("", COMMISSION, eur(100), null),
                "CommissionReversalRequest.idempotencyKey");
        assertInvalid(
                () -> new CommissionReversalRequest("k", null, eur(100), null),
                "CommissionReversalRequest.original is required");
        assertInvalid(
                () -> new CommissionReversal("k", "o", eur(-1), "e"), "CommissionReversal.amount must not be negative");
        assertInvalid(() -> new CommissionReversal("k", "", eur(1), "e"), "CommissionReversal.orderId");
    }
}
