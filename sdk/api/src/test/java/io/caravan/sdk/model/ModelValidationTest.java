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
import java.util.Set;
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
                    "1",
                    "p",
                    "v",
                    "SKU",
                    "Shirt",
                    quantity,
                    price,
                    price == null ? null : Money.zero(price.currency()),
                    new Goods(weight, null, HsCode.of("610910"), CN),
                    CN,
                    TaxCategory.STANDARD,
                    List.of(),
                    Set.of());
        }

        private LineItem.Builder valid() {
            return LineItem.builder()
                    .lineId("1")
                    .sku("S")
                    .title("T")
                    .unitPrice(eur(1))
                    .weightGrams(1)
                    .origin(CN);
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
            assertInvalid(() -> with(1, eur(100), -1), "Goods.weightGrams must be >= 0, was -1");
            assertThat(with(1, eur(100), 0).totalWeightGrams()).isZero();
        }

        @Test
        void requiresIdentifiersOriginsAndCategory() {
            assertInvalid(() -> valid().lineId(" ").build(), "LineItem.lineId");
            assertInvalid(() -> valid().sku(null).productId("p").variantId("v").build(), "LineItem.sku is required");
            assertInvalid(() -> valid().sku("S".repeat(65)).build(), "LineItem.productId must be at most 64");
            assertInvalid(() -> valid().productId(" ").build(), "LineItem.productId must not be blank");
            assertInvalid(() -> valid().variantId("v".repeat(65)).build(), "LineItem.variantId must be at most 64");
            assertInvalid(() -> valid().title("").build(), "LineItem.title");
            assertInvalid(() -> valid().origin(null).shipFrom(CN).build(), "Goods.origin is required");
            assertInvalid(() -> valid().taxCategory(null).build(), "LineItem.taxCategory is required");
            assertInvalid(
                    () -> new LineItem(
                            "1",
                            "p",
                            "v",
                            "S",
                            "T",
                            1,
                            eur(1),
                            eur(0),
                            Goods.of(1, CN),
                            null,
                            TaxCategory.STANDARD,
                            List.of(),
                            Set.of()),
                    "LineItem.shipFrom is required");
            assertInvalid(
                    () -> new LineItem(
                            "1",
                            "p",
                            "v",
                            "S",
                            "T",
                            1,
                            eur(1),
                            eur(0),
                            null,
                            CN,
                            TaxCategory.STANDARD,
                            List.of(),
                            Set.of()),
                    "LineItem.goods is required");
        }

        @Test
        void theBuilderReportsTheFirstBadComponentInComponentOrder() {
            assertInvalid(
                    () -> LineItem.builder()
                            .sku("X")
                            .quantity(0)
                            .unitPrice(eur(100))
                            .lineId("1")
                            .build(),
                    "LineItem.quantity must be > 0, was 0");
            assertInvalid(() -> LineItem.builder().sku("X").lineId("1").build(), "LineItem.unitPrice is required");
            assertInvalid(
                    () -> LineItem.builder()
                            .sku("X")
                            .lineId("1")
                            .unitPrice(eur(1))
                            .build(),
                    "Goods.origin is required");
        }

        @Test
        void hsCodeAndDimensionsAreOptional() {
            LineItem line = valid().taxCategory(TaxCategory.ZERO).build();
            assertThat(line.hsCode()).isNull();
            assertThat(line.goods().dimensions()).isNull();
        }

        @Test
        void originAndShipFromAreNamedNotPositional() {
            LineItem line = valid().origin(CN).shipFrom(DE).build();
            assertThat(line.origin()).isEqualTo(CN);
            assertThat(line.goods().origin()).isEqualTo(CN);
            assertThat(line.shipFrom()).isEqualTo(DE);
            assertThat(valid().build().shipFrom())
                    .as("ships from where it was made by default")
                    .isEqualTo(CN);
        }

        @Test
        void discountIsForTheWholeLineAndAtMostItsAmount() {
            LineItem line =
                    valid().quantity(3).unitPrice(eur(1000)).discount(eur(450)).build();
            assertThat(line.amount()).isEqualTo(eur(3000));
            assertThat(line.netAmount()).isEqualTo(eur(2550));
            assertInvalid(
                    () -> valid().quantity(3)
                            .unitPrice(eur(1000))
                            .discount(eur(3001))
                            .build(),
                    "LineItem.discount must be at most the line's amount (EUR 30.00), was EUR 30.01");
            assertInvalid(() -> valid().discount(eur(-1)).build(), "LineItem.discount must not be negative");
            assertInvalid(() -> valid().discount(usd(0)).build(), "LineItem.discount must be in EUR");
        }

        @Test
        void categoriesAreBoundedAndFlagsCopied() {
            List<String> many = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                many.add("c" + i);
            }
            assertInvalid(() -> valid().categories(many).build(), "LineItem.categories must hold at most 20");
            assertInvalid(() -> valid().categories(List.of("x".repeat(65))).build(), "LineItem.categories[0]");
            LineItem line = valid().categories(List.of("apparel"))
                    .flags(LineFlag.PERSONALISED, LineFlag.FRAGILE)
                    .build();
            assertThat(line.has(LineFlag.PERSONALISED)).isTrue();
            assertThat(line.has(LineFlag.HAZARDOUS)).isFalse();
            assertThatThrownBy(() -> line.flags().add(LineFlag.DIGITAL))
                    .isInstanceOf(UnsupportedOperationException.class);
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
            return new Cart(
                    EUR,
                    PriceDisplay.EXCLUDING_TAX,
                    lines,
                    shipping,
                    shipping == null ? eur(0) : Money.zero(shipping.currency()),
                    List.of(),
                    List.of(),
                    address(),
                    customer(),
                    TODAY);
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
            assertInvalid(() -> with(List.of(line("shipping", eur(100))), eur(0)), "is reserved");
        }

        @Test
        void requiresTheRest() {
            assertInvalid(() -> Cart.builder().line(line("1", eur(100))).build(), "Cart.currency is required");
            assertInvalid(() -> base().prices(null).build(), "Cart.prices is required");
            assertInvalid(() -> base().shipTo(null).build(), "Cart.shipTo is required");
            assertInvalid(() -> base().orderDate(null).build(), "Cart.orderDate is required");
            assertInvalid(
                    () -> new Cart(
                            EUR,
                            PriceDisplay.EXCLUDING_TAX,
                            List.of(line("1", eur(100))),
                            eur(0),
                            eur(0),
                            List.of(),
                            List.of(),
                            address(),
                            null,
                            TODAY),
                    "Cart.customer is required");
        }

        private Cart.Builder base() {
            return Cart.builder()
                    .currency(EUR)
                    .line(line("1", eur(1000)))
                    .shipTo(address())
                    .orderDate(TODAY);
        }

        private AppliedDiscount discount(long minor) {
            return new AppliedDiscount("WELCOME", "Welcome offer", "store", eur(minor));
        }

        @Test
        void discountsMustTotalWhatIsAllocatedToLinesShippingAndFees() {
            LineItem discounted = LineItem.builder()
                    .lineId("1")
                    .sku("S")
                    .quantity(2)
                    .unitPrice(eur(1000))
                    .discount(eur(200))
                    .origin(CN)
                    .build();
            Fee cod = new Fee(
                    "cod-fee", FeeKind.PAYMENT_METHOD, "Cash on delivery", eur(300), eur(100), TaxCategory.STANDARD);
            Cart cart = Cart.builder()
                    .currency(EUR)
                    .line(discounted)
                    .shipping(eur(490))
                    .shippingDiscount(eur(490))
                    .fee(cod)
                    .discount(discount(790))
                    .shipTo(address())
                    .orderDate(TODAY)
                    .build();
            assertThat(cart.subtotal()).isEqualTo(eur(2000));
            assertThat(cart.netSubtotal()).isEqualTo(eur(1800));
            assertThat(cart.netShipping()).isEqualTo(eur(0));
            assertThat(cart.feesTotal()).isEqualTo(eur(300));
            assertThat(cart.netFeesTotal()).isEqualTo(eur(200));
            assertThat(cart.discountTotal()).isEqualTo(eur(790));
            assertThat(cart.netTotal()).isEqualTo(eur(2000));
            assertThat(cart.fee("cod-fee")).isEqualTo(cod);

            assertInvalid(
                    () -> Cart.builder()
                            .currency(EUR)
                            .line(discounted)
                            .discount(discount(100))
                            .shipTo(address())
                            .orderDate(TODAY)
                            .build(),
                    "Cart.discounts must total what is allocated to lines, shipping and fees (EUR 2.00), was EUR 1.00");
            assertInvalid(() -> base().discount(discount(100)).build(), "Cart.discounts must total what is allocated");
        }

        @Test
        void shippingDiscountIsAtMostShippingAndFeesAreInTheCartCurrencyWithTheirOwnIds() {
            assertInvalid(
                    () -> base().shipping(eur(100)).shippingDiscount(eur(101)).build(),
                    "Cart.shippingDiscount must be at most Cart.shipping (EUR 1.00), was EUR 1.01");
            assertInvalid(
                    () -> base().fee(Fee.of("f", FeeKind.HANDLING, "Wrap", usd(100)))
                            .build(),
                    "Cart.fees[0].amount must be in EUR");
            assertInvalid(
                    () -> base().fee(Fee.of("1", FeeKind.HANDLING, "Wrap", eur(100)))
                            .build(),
                    "Cart.fees[0].feeId \"1\" is used by a line");
            assertInvalid(
                    () -> base().fee(Fee.of("shipping", FeeKind.HANDLING, "Wrap", eur(100)))
                            .build(),
                    "is reserved");
            assertInvalid(
                    () -> new Fee("f", FeeKind.OTHER, "x", eur(100), eur(101), TaxCategory.STANDARD),
                    "Fee.discount must be at most Fee.amount");
            assertInvalid(
                    () -> base().discount(new AppliedDiscount(null, "x", "store", usd(1)))
                            .build(),
                    "Cart.discounts[0].amount must be in EUR");
            assertInvalid(() -> new AppliedDiscount(null, "x", "store", eur(0)), "AppliedDiscount.amount must be > 0");
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
                    () -> new OrderTotals(eur(1), eur(0), eur(0), eur(0), eur(0), eur(0), usd(1)),
                    "OrderTotals.total must be in EUR");
            assertInvalid(
                    () -> new OrderTotals(eur(1), eur(0), eur(0), eur(-5), eur(0), eur(0), eur(1)),
                    "OrderTotals.discounts must not be negative");
            assertInvalid(
                    () -> new OrderTotals(eur(1), eur(0), usd(0), eur(0), eur(0), eur(0), eur(1)),
                    "OrderTotals.fees must be in EUR");
            assertInvalid(
                    () -> new OrderTotals(null, eur(0), eur(0), eur(0), eur(0), eur(0), eur(1)),
                    "OrderTotals.subtotal is required");
            assertInvalid(
                    () -> new OrderTotals(eur(1), eur(0), eur(0), eur(0), null, eur(0), eur(1)),
                    "OrderTotals.tax is required");
            assertThat(totals().currency()).isEqualTo(EUR);
        }
    }

    @Nested
    class Orders {
        @Test
        void totalsAreInTheCartCurrency() {
            OrderTotals inUsd = new OrderTotals(usd(4998), usd(490), usd(0), usd(0), usd(0), usd(0), usd(5488));
            assertInvalid(
                    () -> new Order(
                            "o",
                            cart(),
                            inUsd,
                            Map.of(),
                            NOW,
                            OrderStatus.CONFIRMED,
                            PaymentStatus.PAID,
                            FulfilmentStatus.UNFULFILLED,
                            ReturnStatus.NONE),
                    "Order.totals must be in EUR like the cart, were in USD");
        }

        @Test
        void lineTaxNamesCartLinesInTheCartCurrency() {
            assertInvalid(
                    () -> new Order(
                            "o",
                            cart(),
                            totals(),
                            Map.of("9", eur(1)),
                            NOW,
                            OrderStatus.CONFIRMED,
                            PaymentStatus.PAID,
                            FulfilmentStatus.UNFULFILLED,
                            ReturnStatus.NONE),
                    "Cart has no line \"9\"");
            assertInvalid(
                    () -> new Order(
                            "o",
                            cart(),
                            totals(),
                            Map.of("1", usd(1)),
                            NOW,
                            OrderStatus.CONFIRMED,
                            PaymentStatus.PAID,
                            FulfilmentStatus.UNFULFILLED,
                            ReturnStatus.NONE),
                    "Order.lineTax[1] must be in EUR");
            assertInvalid(
                    () -> new Order(
                            "o",
                            cart(),
                            totals(),
                            Map.of("1", eur(-1)),
                            NOW,
                            OrderStatus.CONFIRMED,
                            PaymentStatus.PAID,
                            FulfilmentStatus.UNFULFILLED,
                            ReturnStatus.NONE),
                    "Order.lineTax[1] must not be negative");
        }

        @Test
        void requiresIdPlacedAtAndStatus() {
            assertInvalid(
                    () -> new Order(
                            "",
                            cart(),
                            totals(),
                            Map.of(),
                            NOW,
                            OrderStatus.CONFIRMED,
                            PaymentStatus.PAID,
                            FulfilmentStatus.UNFULFILLED,
                            ReturnStatus.NONE),
                    "Order.id");
            assertInvalid(
                    () -> new Order(
                            "o",
                            cart(),
                            totals(),
                            Map.of(),
                            null,
                            OrderStatus.CONFIRMED,
                            PaymentStatus.PAID,
                            FulfilmentStatus.UNFULFILLED,
                            ReturnStatus.NONE),
                    "Order.placedAt is required");
            assertInvalid(
                    () -> new Order(
                            "o",
                            cart(),
                            totals(),
                            Map.of(),
                            NOW,
                            null,
                            PaymentStatus.PAID,
                            FulfilmentStatus.UNFULFILLED,
                            ReturnStatus.NONE),
                    "Order.status is required");
            assertInvalid(
                    () -> new Order(
                            "o",
                            cart(),
                            totals(),
                            Map.of(),
                            NOW,
                            OrderStatus.PLACED,
                            null,
                            FulfilmentStatus.UNFULFILLED,
                            ReturnStatus.NONE),
                    "Order.paymentStatus is required");
            assertInvalid(
                    () -> new Order(
                            "o",
                            cart(),
                            totals(),
                            Map.of(),
                            NOW,
                            OrderStatus.PLACED,
                            PaymentStatus.PENDING,
                            null,
                            ReturnStatus.NONE),
                    "Order.fulfilmentStatus is required");
            assertInvalid(
                    () -> new Order(
                            "o",
                            cart(),
                            totals(),
                            Map.of(),
                            NOW,
                            OrderStatus.PLACED,
                            PaymentStatus.PENDING,
                            FulfilmentStatus.UNFULFILLED,
                            null),
                    "Order.returnStatus is required");
            assertInvalid(
                    () -> new Order(
                            "o",
                            null,
                            totals(),
                            Map.of(),
                            NOW,
                            OrderStatus.CONFIRMED,
                            PaymentStatus.PAID,
                            FulfilmentStatus.UNFULFILLED,
                            ReturnStatus.NONE),
                    "Order.cart is required");
        }

        @Test
        void lineTaxIsCopied() {
            Map<String, Money> lineTax = new HashMap<>(Map.of("1", eur(1)));
            Order order = new Order(
                    "o",
                    cart(),
                    totals(),
                    lineTax,
                    NOW,
                    OrderStatus.CONFIRMED,
                    PaymentStatus.PAID,
                    FulfilmentStatus.UNFULFILLED,
                    ReturnStatus.NONE);
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
