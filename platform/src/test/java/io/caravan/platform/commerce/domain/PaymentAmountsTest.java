package io.caravan.platform.commerce.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.commerce.domain.StoreOrder.PaymentFacet;
import org.junit.jupiter.api.Test;

class PaymentAmountsTest {

    @Test
    void a_capture_moves_money_from_authorized_to_captured_and_never_more_than_authorized() {
        PaymentAmounts authorized = PaymentAmounts.NONE.authorize(5000);
        PaymentAmounts partly = authorized.capture(2000);
        assertThat(partly).isEqualTo(new PaymentAmounts(3000, 0, 2000, 0, 0, 0, 0));
        assertThat(partly.capturable()).isEqualTo(3000);
        assertThatThrownBy(() -> partly.capture(3001)).hasMessageContaining("cannot capture 3001 of 3000");
        assertThatThrownBy(() -> partly.capture(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refunds_are_bounded_by_what_was_captured_including_pending_refunds() {
        PaymentAmounts paid = PaymentAmounts.NONE.charge(4000);
        PaymentAmounts pending = paid.pendingRefund(3000);
        assertThat(pending.refundable()).isEqualTo(1000);
        assertThatThrownBy(() -> pending.pendingRefund(1001)).hasMessageContaining("3000 pending");
        PaymentAmounts refunded = pending.refund(3000);
        assertThat(refunded.refunded()).isEqualTo(3000);
        assertThat(refunded.refundPending()).isZero();
        assertThatThrownBy(() -> refunded.refund(1001)).hasMessageContaining("4000 captured, 3000 refunded");
    }

    @Test
    void a_void_moves_only_what_is_still_authorized() {
        PaymentAmounts amounts =
                PaymentAmounts.NONE.authorize(5000).capture(1500).voidRemaining();
        assertThat(amounts).isEqualTo(new PaymentAmounts(0, 0, 1500, 0, 0, 0, 3500));
    }

    @Test
    void amounts_never_wrap_around() {
        PaymentAmounts big = PaymentAmounts.NONE.authorize(Long.MAX_VALUE);
        assertThatThrownBy(() -> big.authorize(1)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new PaymentAmounts(0, 0, 1, 0, 2, 0, 0)).hasMessageContaining("cannot refund 2 of 1");
    }

    @Test
    void the_payment_facet_follows_the_amounts() {
        assertThat(PaymentFacets.derive(5000, PaymentAmounts.NONE, false, false))
                .isEqualTo(PaymentFacet.NOT_PAID);
        assertThat(PaymentFacets.derive(5000, PaymentAmounts.NONE, true, false)).isEqualTo(PaymentFacet.PENDING);
        assertThat(PaymentFacets.derive(5000, PaymentAmounts.NONE, false, true)).isEqualTo(PaymentFacet.FAILED);
        assertThat(PaymentFacets.derive(5000, PaymentAmounts.NONE.authorize(5000), false, false))
                .isEqualTo(PaymentFacet.AUTHORIZED);
        assertThat(PaymentFacets.derive(5000, PaymentAmounts.NONE.authorize(4999), false, false))
                .isEqualTo(PaymentFacet.PENDING);
        assertThat(PaymentFacets.derive(
                        5000, PaymentAmounts.NONE.authorize(5000).capture(100), false, false))
                .isEqualTo(PaymentFacet.PARTIALLY_CAPTURED);
        assertThat(PaymentFacets.derive(5000, PaymentAmounts.NONE.charge(5000), false, false))
                .isEqualTo(PaymentFacet.PAID);
        assertThat(PaymentFacets.derive(5000, PaymentAmounts.NONE.charge(5000).refund(1), false, false))
                .isEqualTo(PaymentFacet.PARTIALLY_REFUNDED);
        assertThat(PaymentFacets.derive(5000, PaymentAmounts.NONE.charge(5000).refund(5000), false, false))
                .isEqualTo(PaymentFacet.REFUNDED);
        assertThat(PaymentFacets.derive(
                        5000, PaymentAmounts.NONE.authorize(5000).voidRemaining(), false, false))
                .isEqualTo(PaymentFacet.VOIDED);
    }
}
