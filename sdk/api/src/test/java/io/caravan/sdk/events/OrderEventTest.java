package io.caravan.sdk.events;

import static io.caravan.sdk.Fixtures.NOW;
import static io.caravan.sdk.Fixtures.assertInvalid;
import static io.caravan.sdk.Fixtures.eur;
import static io.caravan.sdk.Fixtures.order;
import static io.caravan.sdk.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sdk.model.OrderEventType;
import org.junit.jupiter.api.Test;

class OrderEventTest {

    @Test
    void paymentsAndRefundsCarryAPositiveAmountInTheOrderCurrency() {
        assertInvalid(
                () -> new OrderEvent("e1", OrderEventType.PAID, NOW, order(), null), "OrderEvent.amount is required");
        assertInvalid(
                () -> new OrderEvent("e1", OrderEventType.REFUNDED, NOW, order(), eur(0)),
                "OrderEvent.amount must be > 0");
        assertInvalid(
                () -> new OrderEvent("e1", OrderEventType.REFUNDED, NOW, order(), usd(100)),
                "OrderEvent.amount must be in EUR");
        assertThat(new OrderEvent("e1", OrderEventType.REFUNDED, NOW, order(), eur(500)).amount())
                .isEqualTo(eur(500));
    }

    @Test
    void otherEventsCarryNoAmount() {
        assertInvalid(
                () -> new OrderEvent("e1", OrderEventType.SHIPPED, NOW, order(), eur(1)),
                "OrderEvent.amount must be null for SHIPPED");
        assertThat(new OrderEvent("e1", OrderEventType.PLACED, NOW, order(), null).amount())
                .isNull();
    }

    @Test
    void requiresTheDedupKeyTypeTimeAndOrder() {
        assertInvalid(() -> new OrderEvent(" ", OrderEventType.PLACED, NOW, order(), null), "OrderEvent.eventId");
        assertInvalid(
                () -> new OrderEvent("x".repeat(129), OrderEventType.PLACED, NOW, order(), null),
                "OrderEvent.eventId must be at most 128");
        assertInvalid(() -> new OrderEvent("e1", null, NOW, order(), null), "OrderEvent.type is required");
        assertInvalid(
                () -> new OrderEvent("e1", OrderEventType.PLACED, null, order(), null),
                "OrderEvent.occurredAt is required");
        assertInvalid(
                () -> new OrderEvent("e1", OrderEventType.PLACED, NOW, null, null), "OrderEvent.order is required");
    }
}
