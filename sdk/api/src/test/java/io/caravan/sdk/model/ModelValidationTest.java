package io.caravan.sdk.model;

import static io.caravan.sdk.Fixtures.CN;
import static io.caravan.sdk.Fixtures.DE;
import static io.caravan.sdk.Fixtures.EUR;
import static io.caravan.sdk.Fixtures.NOW;
import static io.caravan.sdk.Fixtures.TODAY;
import static io.caravan.sdk.Fixtures.address;
import static io.caravan.sdk.Fixtures.assertInvalid;
import static io.caravan.sdk.Fixtures.cart;
import static io.caravan.sdk.Fixtures.customer;
import static io.caravan.sdk.Fixtures.eur;
import static io.caravan.sdk.Fixtures.line;
import static io.caravan.sdk.Fixtures.order;
import static io.caravan.sdk.Fixtures.totals;
import static io.caravan.sdk.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.sdk.money.Money;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelValidationTest {

    @Nested
    class CountryCodes {
        @ParameterizedTest
        @ValueSource(strings = {"DE", "GB", "CN", "US", "NO", "CH"})
        void acceptsAssignedAlpha2Codes(String code) {
            assertThat(CountryCode.of(code)).hasToString(code);
        }

        @ParameterizedTest
        @ValueSource(strings = {"de", "DEU", "D", "", "D1", "XX", "ZZ", "UK"})
        void refusesCodesThatAreNotAssignedUpperCaseAlpha2(String code) {
            assertInvalid(() -> CountryCode.of(code), "CountryCode.code");
        }

        @Test
        void refusesNull() {
            assertInvalid(() -> CountryCode.of(null), "CountryCode.code is required");
        }
    }

    @Nested
    class HsCodes {
        @ParameterizedTest
        @ValueSource(strings = {"610910", "61091000", "6109100010"})
        void acceptsSixToTenDigits(String code) {
            assertThat(HsCode.of(code).code()).isEqualTo(code);
        }

        @ParameterizedTest
        @ValueSource(strings = {"61091", "61091000101", "6109.10", "6109 10", "61091A", ""})
        void refusesAnythingElse(String code) {
            assertInvalid(() -> HsCode.of(code), "HsCode.code must be 6 to 10 digits");
        }

        @Test
        void exposesChapterAndSubheading() {
            HsCode code = HsCode.of("6109100010");
            assertThat(code.chapter()).isEqualTo("61");
            assertThat(code.subheading()).isEqualTo("610910");
        }
    }

    @Nested
    class Addresses {
        @Test
        void requiresCountryAndCity() {
            assertInvalid(
                    () -> new Address(null, null, "10115", "Berlin", List.of(), null), "Address.country is required");
            assertInvalid(() -> new Address(DE, null, "10115", " ", List.of(), null), "Address.city must not be blank");
            assertInvalid(() -> new Address(DE, null, "10115", null, List.of(), null), "Address.city is required");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " 10115", "10115 ", "10115!", "12345678901234567"})
        void refusesMalformedPostalCodes(String postalCode) {
            assertInvalid(() -> new Address(DE, null, postalCode, "Berlin", List.of(), null), "Address.postalCode");
        }

        @ParameterizedTest
        @ValueSource(strings = {"SW1A 1AA", "75008", "100-0001", "K1A0B1"})
        void acceptsPostalCodesAsCountriesWriteThem(String postalCode) {
            assertThat(new Address(DE, null, postalCode, "X", List.of(), null).postalCode())
                    .isEqualTo(postalCode);
        }

        @Test
        void postalCodeAndRegionMayBeAbsent() {
            Address hongKong =
                    new Address(CountryCode.of("HK"), null, null, "Hong Kong", List.of("1 Queen's Rd"), null);
            assertThat(hongKong.postalCode()).isNull();
        }

        @Test
        void refusesTooManyOrBlankLines() {
            assertInvalid(
                    () -> new Address(DE, null, null, "Berlin", List.of("a", "b", "c", "d", "e"), null),
                    "Address.lines must hold at most 4 lines, had 5");
            assertInvalid(
                    () -> new Address(DE, null, null, "Berlin", List.of("a", " "), null),
                    "Address.lines[1] must not be blank");
            assertInvalid(
                    () -> new Address(DE, null, null, "Berlin", Collections.singletonList(null), null),
                    "Address.lines[0] is required");
            assertInvalid(() -> new Address(DE, null, null, "Berlin", null, null), "Address.lines is required");
        }

        @Test
        void refusesOverlongFields() {
            assertInvalid(
                    () -> new Address(DE, "r".repeat(101), null, "Berlin", List.of(), null),
                    "Address.region must be at most 100 characters");
            assertInvalid(
                    () -> new Address(DE, null, null, "Berlin", List.of("l".repeat(201)), null),
                    "Address.lines[0] must be at most 200 characters");
            assertInvalid(() -> new Address(DE, null, null, "Berlin", List.of(), " "), "Address.recipient");
        }

        @Test
        void copiesLinesAndIsImmutable() {
            List<String> lines = new ArrayList<>(List.of("Invalidenstraße 117"));
            Address address = new Address(DE, null, "10115", "Berlin", lines, null);
            lines.add("changed");
            assertThat(address.lines()).containsExactly("Invalidenstraße 117");
            assertThatThrownBy(() -> address.lines().add("x")).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void withoutPersonalDataKeepsWhatTaxNeeds() {
            Address redacted = address().withoutPersonalData();
            assertThat(redacted.lines()).isEmpty();
            assertThat(redacted.recipient()).isNull();
            assertThat(redacted.country()).isEqualTo(DE);
            assertThat(redacted.postalCode()).isEqualTo("10115");
            assertThat(redacted.city()).isEqualTo("Berlin");
        }
    }

    @Nested
    class Customers {
        @Test
        void requiresAnId() {
            assertInvalid(() -> new Customer(" ", null, null, null), "Customer.id must not be blank");
            assertInvalid(() -> new Customer("x".repeat(129), null, null, null), "Customer.id must be at most 128");
        }

        @ParameterizedTest
        @ValueSource(strings = {"plain", "@example.com", "erika@", "er ika@example.com", "a@b@c", ""})
        void refusesMalformedEmail(String email) {
            assertInvalid(() -> new Customer("c", email, DE, null), "Customer.email");
        }

        @Test
        void emailCountryAndTierAreOptional() {
            Customer guest = new Customer("guest-7", null, null, null);
            assertThat(guest.email()).isNull();
            assertInvalid(() -> new Customer("c", null, null, " "), "Customer.tier must not be blank");
        }

        @Test
        void withoutContactDropsOnlyTheEmail() {
            Customer c = customer().withoutContact();
            assertThat(c.email()).isNull();
            assertThat(c.id()).isEqualTo("cust-1");
            assertThat(c.tier()).isEqualTo("gold");
        }
    }

    @Nested
    class LineItems {
        private LineItem with(int quantity, Money price, long weight) {
            return new LineItem(
                    "1", "SKU", "Shirt", quantity, price, weight, HsCode.of("610910"), CN, CN, TaxCategory.STANDARD);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
        void quantityMustBePositive(int quantity) {
            assertInvalid(() -> with(quantity, eur(100), 10), "LineItem.quantity must be > 0, was " + quantity);
        }

        @Test
        void unitPriceMustBePresentAndNotNegative() {
            assertInvalid(() -> with(1, eur(-1), 10), "LineItem.unitPrice must not be negative");
            assertInvalid(() -> with(1, null, 10), "LineItem.unitPrice is required");
        }

        @Test
        void weightMustNotBeNegative() {
            assertInvalid(() -> with(1, eur(100), -1), "LineItem.weightGrams must be >= 0, was -1");
            assertThat(with(1, eur(100), 0).weightGrams()).isZero();
        }

        @Test
        void requiresIdentifiersOriginsAndCategory() {
            assertInvalid(
                    () -> new LineItem(" ", "S", "T", 1, eur(1), 1, null, CN, CN, TaxCategory.STANDARD),
                    "LineItem.lineId");
            assertInvalid(
                    () -> new LineItem("1", null, "T", 1, eur(1), 1, null, CN, CN, TaxCategory.STANDARD),
                    "LineItem.sku is required");
            assertInvalid(
                    () -> new LineItem("1", "S".repeat(65), "T", 1, eur(1), 1, null, CN, CN, TaxCategory.STANDARD),
                    "LineItem.sku must be at most 64");
            assertInvalid(
                    () -> new LineItem("1", "S", "", 1, eur(1), 1, null, CN, CN, TaxCategory.STANDARD),
                    "LineItem.title");
            assertInvalid(
                    () -> new LineItem("1", "S", "T", 1, eur(1), 1, null, null, CN, TaxCategory.STANDARD),
                    "LineItem.origin is required");
            assertInvalid(
                    () -> new LineItem("1", "S", "T", 1, eur(1), 1, null, CN, null, TaxCategory.STANDARD),
                    "LineItem.shipFrom is required");
            assertInvalid(
                    () -> new LineItem("1", "S", "T", 1, eur(1), 1, null, CN, CN, null),
                    "LineItem.taxCategory is required");
        }

        @Test
        void hsCodeIsOptional() {
            assertThat(new LineItem("1", "S", "T", 1, eur(1), 1, null, CN, CN, TaxCategory.ZERO).hsCode())
                    .isNull();
        }

        @Test
        void amountAndWeightAreExactProducts() {
            LineItem line = with(3, eur(1999), 180);
            assertThat(line.amount()).isEqualTo(eur(5997));
            assertThat(line.totalWeightGrams()).isEqualTo(540);
        }

        @Test
        void overflowingAmountIsRefusedAtConstruction() {
            assertThatThrownBy(() -> with(2, eur(Long.MAX_VALUE / 2 + 1), 1)).isInstanceOf(ArithmeticException.class);
        }
    }

    @Nested
    class Carts {
        private Cart with(List<LineItem> lines, Money shipping) {
            return new Cart(EUR, PriceDisplay.EXCLUDING_TAX, lines, shipping, address(), customer(), TODAY);
        }

        @Test
        void needsAtLeastOneLine() {
            assertInvalid(() -> with(List.of(), eur(0)), "Cart.lines must not be empty");
            assertInvalid(() -> with(null, eur(0)), "Cart.lines is required");
        }

        @Test
        void everyLineIsInTheCartCurrency() {
            assertInvalid(
                    () -> with(List.of(line("1", eur(100)), line("2", usd(100))), eur(0)),
                    "Cart.lines[1].unitPrice must be in EUR, was USD 1.00");
        }

        @Test
        void shippingIsInTheCartCurrencyAndNotNegative() {
            assertInvalid(() -> with(List.of(line("1", eur(100))), usd(100)), "Cart.shipping must be in EUR");
            assertInvalid(() -> with(List.of(line("1", eur(100))), eur(-1)), "Cart.shipping must not be negative");
            assertInvalid(() -> with(List.of(line("1", eur(100))), null), "Cart.shipping is required");
        }

        @Test
        void lineIdsAreUnique() {
            assertInvalid(
                    () -> with(List.of(line("1", eur(100)), line("1", eur(200))), eur(0)),
                    "Cart.lines[1].lineId \"1\" is used by another line");
        }

        @Test
        void requiresTheRest() {
            List<LineItem> lines = List.of(line("1", eur(100)));
            assertInvalid(
                    () -> new Cart(null, PriceDisplay.EXCLUDING_TAX, lines, eur(0), address(), customer(), TODAY),
                    "Cart.currency is required");
            assertInvalid(
                    () -> new Cart(EUR, null, lines, eur(0), address(), customer(), TODAY), "Cart.prices is required");
            assertInvalid(
                    () -> new Cart(EUR, PriceDisplay.EXCLUDING_TAX, lines, eur(0), null, customer(), TODAY),
                    "Cart.shipTo is required");
            assertInvalid(
                    () -> new Cart(EUR, PriceDisplay.EXCLUDING_TAX, lines, eur(0), address(), null, TODAY),
                    "Cart.customer is required");
            assertInvalid(
                    () -> new Cart(EUR, PriceDisplay.EXCLUDING_TAX, lines, eur(0), address(), customer(), null),
                    "Cart.orderDate is required");
        }

        @Test
        void subtotalLineLookupAndDestination() {
            Cart cart = cart();
            assertThat(cart.subtotal()).isEqualTo(eur(4998));
            assertThat(cart.line("2").unitPrice()).isEqualTo(eur(500));
            assertThat(cart.destination()).isEqualTo(DE);
            assertInvalid(() -> cart.line("9"), "Cart has no line \"9\"");
        }

        @Test
        void linesAreCopied() {
            List<LineItem> lines = new ArrayList<>(List.of(line("1", eur(100))));
            Cart cart = with(lines, eur(0));
            lines.clear();
            assertThat(cart.lines()).hasSize(1);
            assertThatThrownBy(() -> cart.lines().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class OrderTotalsRules {
        @Test
        void everyAmountIsPresentNotNegativeAndInOneCurrency() {
            assertInvalid(
                    () -> new OrderTotals(eur(1), eur(0), eur(0), eur(0), eur(0), usd(1)),
                    "OrderTotals.total must be in EUR");
            assertInvalid(
                    () -> new OrderTotals(eur(1), eur(0), eur(-5), eur(0), eur(0), eur(1)),
                    "OrderTotals.discount must not be negative");
            assertInvalid(
                    () -> new OrderTotals(null, eur(0), eur(0), eur(0), eur(0), eur(1)),
                    "OrderTotals.subtotal is required");
            assertInvalid(
                    () -> new OrderTotals(eur(1), eur(0), eur(0), null, eur(0), eur(1)), "OrderTotals.tax is required");
            assertThat(totals().currency()).isEqualTo(EUR);
        }
    }

    @Nested
    class Orders {
        @Test
        void totalsAreInTheCartCurrency() {
            OrderTotals inUsd = new OrderTotals(usd(4998), usd(490), usd(0), usd(0), usd(0), usd(5488));
            assertInvalid(
                    () -> new Order("o", cart(), inUsd, Map.of(), NOW, OrderStatus.PAID),
                    "Order.totals must be in EUR like the cart, were in USD");
        }

        @Test
        void lineTaxNamesCartLinesInTheCartCurrency() {
            assertInvalid(
                    () -> new Order("o", cart(), totals(), Map.of("9", eur(1)), NOW, OrderStatus.PAID),
                    "Cart has no line \"9\"");
            assertInvalid(
                    () -> new Order("o", cart(), totals(), Map.of("1", usd(1)), NOW, OrderStatus.PAID),
                    "Order.lineTax[1] must be in EUR");
            assertInvalid(
                    () -> new Order("o", cart(), totals(), Map.of("1", eur(-1)), NOW, OrderStatus.PAID),
                    "Order.lineTax[1] must not be negative");
        }

        @Test
        void requiresIdPlacedAtAndStatus() {
            assertInvalid(() -> new Order("", cart(), totals(), Map.of(), NOW, OrderStatus.PAID), "Order.id");
            assertInvalid(
                    () -> new Order("o", cart(), totals(), Map.of(), null, OrderStatus.PAID),
                    "Order.placedAt is required");
            assertInvalid(() -> new Order("o", cart(), totals(), Map.of(), NOW, null), "Order.status is required");
            assertInvalid(
                    () -> new Order("o", null, totals(), Map.of(), NOW, OrderStatus.PAID), "Order.cart is required");
        }

        @Test
        void lineTaxIsCopied() {
            Map<String, Money> lineTax = new HashMap<>(Map.of("1", eur(1)));
            Order order = new Order("o", cart(), totals(), lineTax, NOW, OrderStatus.PAID);
            lineTax.put("2", eur(2));
            assertThat(order.lineTax()).containsOnlyKeys("1");
            assertThat(order().lineTax()).hasSize(2);
        }
    }

    @Nested
    class Parcels {
        @Test
        void dimensionsArePositive() {
            assertInvalid(() -> new Dimensions(0, 10, 10), "Dimensions.lengthMm must be > 0, was 0");
            assertInvalid(() -> new Dimensions(10, -1, 10), "Dimensions.widthMm must be > 0");
            assertInvalid(() -> new Dimensions(10, 10, 0), "Dimensions.heightMm must be > 0");
            assertThat(new Dimensions(2000, 2000, 2000).volumeCubicMm()).isEqualTo(8_000_000_000L);
        }

        @Test
        void weightIsPositiveAndValueNotNegative() {
            Dimensions box = new Dimensions(300, 200, 100);
            assertInvalid(() -> new Parcel(0, box, eur(1), List.of()), "Parcel.weightGrams must be > 0");
            assertInvalid(() -> new Parcel(500, box, eur(-1), List.of()), "Parcel.value must not be negative");
            assertInvalid(() -> new Parcel(500, null, eur(1), List.of()), "Parcel.dimensions is required");
            assertInvalid(() -> new Parcel(500, box, eur(1), null), "Parcel.lineRefs is required");
        }
    }
}
