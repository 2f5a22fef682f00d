package io.caravan.platform.events.testsupport;

import io.caravan.sdk.events.Cancellation;
import io.caravan.sdk.events.CancelledBy;
import io.caravan.sdk.events.OrderEvent;
import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.FulfilmentStatus;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.Order;
import io.caravan.sdk.model.OrderEventType;
import io.caravan.sdk.model.OrderStatus;
import io.caravan.sdk.model.OrderTotals;
import io.caravan.sdk.model.PaymentStatus;
import io.caravan.sdk.model.ReturnStatus;
import io.caravan.sdk.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One small order (two mugs to Berlin) and its events, as the order code would make them. */
public final class SampleOrders {
    /** Event n of an order occurred n seconds after this. */
    public static final Instant EPOCH = Instant.parse("2026-12-01T09:00:00Z");

    private SampleOrders() {}

    static OrderEvent event(OutboxTestResource.AppendRequest request) {
        return event(request.eventId(), request.orderId(), request.sequence(), request.type());
    }

    /** Event {@code sequence} of order {@code orderId}, of type {@code typeName}, occurred {@code sequence} s after {@link #EPOCH}. */
    public static OrderEvent event(String eventId, String orderId, long sequence, String typeName) {
        Cart cart = Cart.builder()
                .currency("EUR")
                .line(LineItem.builder()
                        .lineId("1")
                        .sku("MUG-1")
                        .title("Mug")
                        .quantity(2)
                        .unitPrice(Money.ofMinor(1250, "EUR"))
                        .weightGrams(400)
                        .origin(CountryCode.of("DE"))
                        .build())
                .shipping(Money.ofMinor(490, "EUR"))
                .shipTo(new Address(
                        CountryCode.of("DE"), null, "10115", "Berlin", List.of("Invalidenstr. 1"), "A. Shopper"))
                .orderDate(LocalDate.of(2026, 12, 1))
                .build();
        Money zero = Money.ofMinor(0, "EUR");
        Order order = new Order(
                orderId,
                cart,
                new OrderTotals(
                        Money.ofMinor(2500, "EUR"),
                        Money.ofMinor(490, "EUR"),
                        zero,
                        zero,
                        zero,
                        zero,
                        Money.ofMinor(2990, "EUR")),
                Map.of(),
                EPOCH,
                OrderStatus.CONFIRMED,
                PaymentStatus.NOT_PAID,
                FulfilmentStatus.UNFULFILLED,
                ReturnStatus.NONE);
        OrderEventType type = OrderEventType.valueOf(typeName);
        return new OrderEvent(
                eventId,
                orderId,
                sequence,
                OrderEvent.SCHEMA_VERSION,
                type,
                EPOCH.plusSeconds(sequence),
                order,
                null,
                type == OrderEventType.CANCELLED ? new Cancellation("shopper asked", CancelledBy.SHOPPER) : null);
    }
}
