package io.caravan.platform.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The platform's fee on a charge: gross × share, rounded half-even to a minor unit; net is the rest. */
class DeveloperEarningTest {
    private static final BigDecimal TWENTY_PERCENT = new BigDecimal("0.20");

    @Test
    void a_fee_with_a_fraction_of_a_minor_unit_is_rounded_to_the_nearest() {
        assertThat(DeveloperEarning.platformFee(1, TWENTY_PERCENT)).as("0.2").isZero();
        assertThat(DeveloperEarning.platformFee(3, TWENTY_PERCENT)).as("0.6").isEqualTo(1);
        assertThat(DeveloperEarning.platformFee(4901, TWENTY_PERCENT))
                .as("980.2")
                .isEqualTo(980);
        assertThat(DeveloperEarning.platformFee(903, TWENTY_PERCENT))
                .as("180.6")
                .isEqualTo(181);
        assertThat(DeveloperEarning.platformFee(500, TWENTY_PERCENT))
                .as("exact")
                .isEqualTo(100);
    }

    @Test
    void an_exact_half_goes_to_the_even_minor_unit() {
        BigDecimal half = new BigDecimal("0.5");
        assertThat(DeveloperEarning.platformFee(1, half)).as("0.5").isZero();
        assertThat(DeveloperEarning.platformFee(3, half)).as("1.5").isEqualTo(2);
        assertThat(DeveloperEarning.platformFee(5, half)).as("2.5").isEqualTo(2);
        assertThat(DeveloperEarning.platformFee(7, half)).as("3.5").isEqualTo(4);
    }

    @Test
    void the_developer_gets_the_gross_less_the_rounded_fee() {
        StoreCharge charge = new StoreCharge(
                "p", "l", ChargeKind.ONE_TIME, StoreCharge.ONCE, StoreCharge.ONCE, 1, 903, "EUR", "x", Instant.EPOCH);
        DeveloperEarning earning = new DeveloperEarning(charge, "dev", TWENTY_PERCENT, Instant.EPOCH);
        assertThat(earning.grossMinor()).isEqualTo(903);
        assertThat(earning.platformFeeMinor()).isEqualTo(181);
        assertThat(earning.netMinor()).isEqualTo(722);
    }
}
