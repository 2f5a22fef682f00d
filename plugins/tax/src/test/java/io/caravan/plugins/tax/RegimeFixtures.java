package io.caravan.plugins.tax;

import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.Customer;
import io.caravan.sdk.model.HsCode;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.model.TaxCategory;
import io.caravan.sdk.money.Money;
import io.caravan.testkit.TestPluginContext;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/** Carts and consignments for the tests that call one {@link TaxRegime} directly. */
final class RegimeFixtures {

    private RegimeFixtures() {}

    static LineItem line(
            String id, int quantity, long unitMinor, String currency, String shipFrom, String origin, String hsCode) {
        return LineItem.builder()
                .lineId(id)
                .sku("sku-" + id)
                .title("Item " + id)
                .quantity(quantity)
                .unitPrice(Money.ofMinor(unitMinor, currency))
                .weightGrams(100)
                .hsCode(hsCode == null ? null : HsCode.of(hsCode))
                .origin(CountryCode.of(origin))
                .shipFrom(CountryCode.of(shipFrom))
                .taxCategory(TaxCategory.STANDARD)
                .build();
    }

    /** One unit, made where it ships from, HS 610910 (T-shirts), standard-rated. */
    static LineItem line(String id, long unitMinor, String currency, String shipFrom) {
        return line(id, 1, unitMinor, currency, shipFrom, shipFrom, "610910");
    }

    static Cart cart(
            PriceDisplay prices,
            String destination,
            String region,
            String date,
            long shippingMinor,
            LineItem... lines) {
        Currency currency = lines[0].unitPrice().currency();
        return new Cart(
                currency,
                prices,
                List.of(lines),
                Money.ofMinor(shippingMinor, currency.getCurrencyCode()),
                Money.zero(currency),
                List.of(),
                List.of(),
                new Address(CountryCode.of(destination), region, null, "City", List.of(), null),
                new Customer("c1", null, null, null),
                LocalDate.parse(date));
    }

    /** Prices excluding tax, no region. */
    static Cart cart(String destination, String date, long shippingMinor, LineItem... lines) {
        return cart(PriceDisplay.EXCLUDING_TAX, destination, null, date, shippingMinor, lines);
    }

    /** The consignment {@link DestinationTaxCalculator} would build for this store configuration and cart. */
    static Consignment consignment(String configurationJson, Cart cart) {
        TaxSettings settings = TaxSettings.read(
                TestPluginContext.withConfiguration(configurationJson).configuration());
        return new Consignment(cart, settings, cart.lines().get(0).shipFrom(), cart.destination());
    }

    static Money money(long minor, String currency) {
        return Money.ofMinor(minor, currency);
    }
}
