package io.caravan.sdk;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.Customer;
import io.caravan.sdk.model.FulfilmentStatus;
import io.caravan.sdk.model.HsCode;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.Order;
import io.caravan.sdk.model.OrderStatus;
import io.caravan.sdk.model.OrderTotals;
import io.caravan.sdk.model.PaymentStatus;
import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.model.ReturnStatus;
import io.caravan.sdk.model.TaxCategory;
import io.caravan.sdk.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Valid values to start from in tests, and the assertion every validation test makes. */
public final class Fixtures {
    public static final Currency EUR = Currency.getInstance("EUR");
    public static final Currency USD = Currency.getInstance("USD");
    public static final CountryCode DE = CountryCode.of("DE");
    public static final CountryCode CN = CountryCode.of("CN");
    public static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    public static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    private Fixtures() {}

    public static Money eur(long minor) {
        return Money.ofMinor(minor, "EUR");
    }

    public static Money usd(long minor) {
        return Money.ofMinor(minor, "USD");
    }

    public static Address address() {
        return new Address(DE, null, "10115", "Berlin", List.of("Invalidenstraße 117"), "Erika Mustermann");
    }

    public static Customer customer() {
        return new Customer("cust-1", "erika@example.com", DE, "gold");
    }

    public static LineItem line(String id, Money unitPrice) {
        return LineItem.builder()
                .lineId(id)
                .productId("prod-" + id)
                .variantId("var-" + id)
                .sku("SKU-" + id)
                .title("Cotton T-shirt")
                .quantity(2)
                .unitPrice(unitPrice)
                .weightGrams(180)
                .hsCode(HsCode.of("610910"))
                .origin(CN)
                .shipFrom(CN)
                .taxCategory(TaxCategory.STANDARD)
                .build();
    }

    /** Two lines (2 × EUR 19.99, 2 × EUR 5.00) shipped for EUR 4.90, prices including VAT. */
    public static Cart cart() {
        return Cart.builder()
                .currency(EUR)
                .prices(PriceDisplay.INCLUDING_TAX)
                .line(line("1", eur(1999)))
                .line(line("2", eur(500)))
                .shipping(eur(490))
                .shipTo(address())
                .customer(customer())
                .orderDate(TODAY)
                .build();
    }

    public static OrderTotals totals() {
        return new OrderTotals(eur(4998), eur(490), eur(0), eur(0), eur(860), eur(0), eur(5488));
    }

    public static Order order() {
        return new Order(
                "order-1",
                cart(),
                totals(),
                Map.of("1", eur(638), "2", eur(160)),
                NOW,
                OrderStatus.CONFIRMED,
                PaymentStatus.PAID,
                FulfilmentStatus.UNFULFILLED,
                ReturnStatus.NONE);
    }

    /** The call throws IllegalArgumentException whose message contains {@code message}. */
    public static void assertInvalid(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
