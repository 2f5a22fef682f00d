package io.caravan.sdk.events;

import static io.caravan.sdk.Fixtures.NOW;
import static io.caravan.sdk.Fixtures.assertInvalid;
import static io.caravan.sdk.Fixtures.eur;
import static io.caravan.sdk.Fixtures.order;
import static io.caravan.sdk.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sdk.model.OrderEventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderEventTest {
    private static final PaymentChange CAPTURED = new PaymentChange("card", eur(5488), "acme-pay");

    private static OrderEvent event(OrderEventType type, PaymentChange payment, Cancellation cancellation) {
        return new OrderEvent("e1", "order-1", 1, 1, type, NOW, order(), payment, cancellation);
    }

    @ParameterizedTest
    @EnumSource(
            value = OrderEventType.class,
            names = {"PAYMENT_AUTHORIZED", "PAYMENT_CAPTURED", "PAYMENT_FAILED", "PAYMENT_VOIDED", "PAYMENT_REFUNDED"})
    void paymentEventsCarryExactlyAPaymentChange(OrderEventType type) {
        assertThat(event(type, CAPTURED, null).payment()).isEqualTo(CAPTURED);
        assertInvalid(() -> event(type, null, null), "OrderEvent.payment (required for " + type + ")");
        assertInvalid(
                () -> event(type, CAPTURED, new Cancellation("x", CancelledBy.MERCHANT)),
                "OrderEvent.cancellation must be null for " + type);
    }

    @ParameterizedTest
    @EnumSource(
            value = OrderEventType.class,
            names = {"PLACED", "CONFIRMED", "RELEASED", "COMPLETED"})
    void otherEventsCarryNoPayload(OrderEventType type) {
        assertThat(event(type, null, null).type()).isEqualTo(type);
        assertInvalid(() -> event(type, CAPTURED, null), "OrderEvent.payment must be null for " + type);
        assertInvalid(
                () -> event(type, null, new Cancellation("x", CancelledBy.MERCHANT)),
                "OrderEvent.cancellation must be null for " + type);
    }

    @Test
    void aCancellationSaysWhyAndByWhom() {
        Cancellation expired = new Cancellation("payment_expired", CancelledBy.PLATFORM);
        assertThat(event(OrderEventType.CANCELLED, null, expired).cancellation())
                .isEqualTo(expired);
        assertInvalid(
                () -> event(OrderEventType.CANCELLED, null, null), "OrderEvent.cancellation (required for CANCELLED)");
        assertInvalid(() -> new Cancellation(" ", CancelledBy.SHOPPER), "Cancellation.reason");
        assertInvalid(() -> new Cancellation("r", null), "Cancellation.cancelledBy is required");
    }

    @Test
    void paymentChangesAreSharedCodesAndPositiveAmountsInTheOrderCurrency() {
        assertInvalid(() -> new PaymentChange("Card", eur(1), "p"), "PaymentChange.methodCode");
        assertInvalid(() -> new PaymentChange("card", eur(0), "p"), "PaymentChange.amount must be > 0");
        assertInvalid(() -> new PaymentChange("card", eur(1), " "), "PaymentChange.pluginId");
        assertInvalid(
                () -> event(OrderEventType.PAYMENT_CAPTURED, new PaymentChange("card", usd(100), "p"), null),
                "OrderEvent.payment.amount must be in EUR");
    }

    @Test
    void sequenceStartsAtOneSchemaIsKnownAndTheOrderIdMatches() {
        assertInvalid(
                () -> new OrderEvent("e1", "order-1", 0, 1, OrderEventType.PLACED, NOW, order(), null, null),
                "OrderEvent.sequence must be > 0, was 0");
        assertInvalid(
                () -> new OrderEvent("e1", "order-1", 1, 2, OrderEventType.PLACED, NOW, order(), null, null),
                "OrderEvent.schemaVersion must be between 1 and 1, was 2");
        assertInvalid(
                () -> new OrderEvent("e1", "order-2", 1, 1, OrderEventType.PLACED, NOW, order(), null, null),
                "OrderEvent.orderId must be the order's id \"order-1\", was \"order-2\"");
    }

    @Test
    void requiresTheDedupKeyTypeTimeAndOrder() {
        assertInvalid(
                () -> new OrderEvent(" ", "order-1", 1, 1, OrderEventType.PLACED, NOW, order(), null, null),
                "OrderEvent.eventId");
        assertInvalid(
                () -> new OrderEvent("e", "order-1", 1, 1, null, NOW, order(), null, null),
                "OrderEvent.type is required");
        assertInvalid(
                () -> new OrderEvent("e", "order-1", 1, 1, OrderEventType.PLACED, null, order(), null, null),
                "OrderEvent.occurredAt is required");
        assertInvalid(
                () -> new OrderEvent("e", "order-1", 1, 1, OrderEventType.PLACED, NOW, null, null, null),
                "OrderEvent.order is required");
    }
}
