package io.caravan.platform.events.testsupport;

import io.caravan.sdk.events.OrderEvent;
import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.Customer;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.Order;
import io.caravan.sdk.model.OrderEventType;
import io.caravan.sdk.model.OrderStatus;
import io.caravan.sdk.model.OrderTotals;
import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.model.TaxCategory;
import io.caravan.sdk.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** One small order (two mugs to Germany) and its events, as the order code would make them. */
final class SampleOrders {
    /** Event n of an order occurred n seconds after this. */
    static final Instant EPOCH = Instant.parse("2026-12-01T09:00:00Z");

    private SampleOrders() {}

    static OrderEvent event(OutboxTestResource.AppendRequest request) {
        Currency eur = Currency.getInstance("EUR");
        Money mug = Money.ofMinor(1250, "EUR");
        Cart cart = new Cart(
                eur,
                PriceDisplay.INCLUDING_TAX,
                List.of(new LineItem(
                        "1",
                        "MUG-1",
                        "Mug",
                        2,
                        mug,
                        400,
                        null,
                        CountryCode.of("DE"),
                        CountryCode.of("DE"),
                        TaxCategory.STANDARD)),
                Money.ofMinor(490, "EUR"),
                new Address(CountryCode.of("DE"), null, "10115", "Berlin", List.of(), null),
                new Customer("shopper-1", null, CountryCode.of("DE"), null),
                LocalDate.of(2026, 12, 1));
        Money zero = Money.zero(eur);
        Order order = new Order(
                request.orderId(),
                cart,
                new OrderTotals(
                        Money.ofMinor(2500, "EUR"),
                        Money.ofMinor(490, "EUR"),
                        zero,
                        zero,
                        zero,
                        Money.ofMinor(2990, "EUR")),
                Map.of(),
                EPOCH,
                OrderStatus.CONFIRMED);
        return new OrderEvent(
                request.eventId(),
                OrderEventType.valueOf(request.type()),
                EPOCH.plusSeconds(request.sequence()),
                order,
                null);
    }
}
