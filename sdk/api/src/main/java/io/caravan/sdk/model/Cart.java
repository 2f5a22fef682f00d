package io.caravan.sdk.model;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a shopper is about to buy, as the checkout sees it: the lines, the shipping charge, the
 * fees, the discounts and how they are allocated, where it goes, who buys, and the date whose
 * rules apply.
 *
 * <p>Discounts are given twice on purpose: as granted ({@link #discounts()}, for display and
 * records) and as allocated to what they reduce ({@link LineItem#discount()},
 * {@link #shippingDiscount()}, {@link Fee#discount()}), which is what taxes and customs values are
 * computed on. The cart refuses allocations that do not add up to the discounts.
 *
 * <p>Build one with {@link #builder()} in tests.
 *
 * @param currency         the currency of every amount in the cart (the checkout currency)
 * @param prices           whether unit prices, shipping and fees include tax
 * @param lines            the lines; at least one, all in {@code currency}, with distinct {@code lineId}s
 * @param shipping         the shipping charge before discounts (including or excluding tax, as
 *                         {@code prices} says); not negative, in {@code currency}
 * @param shippingDiscount the part of the discounts allocated to shipping (free-shipping codes);
 *                         not negative, at most {@code shipping}, in {@code currency}
 * @param fees             other charges (the cash-on-delivery fee); ids distinct from each other,
 *                         from every line id and from {@code "shipping"}; in {@code currency}
 * @param discounts        the discounts granted, as a whole; their total equals the sum of every
 *                         allocation (lines, shipping, fees)
 * @param shipTo           the delivery address; its country is the destination for tax and duties
 * @param customer         the buyer
 * @param orderDate        the date whose tax rates and import rules apply: today for a checkout
 *                         quote, the placement date for a placed order
 */
public record Cart(
        Currency currency,
        PriceDisplay prices,
        List<LineItem> lines,
        Money shipping,
        Money shippingDiscount,
        List<Fee> fees,
        List<AppliedDiscount> discounts,
        Address shipTo,
        Customer customer,
        LocalDate orderDate) {

    /** The reference of the shipping charge, which no line or fee id may take. */
    public static final String SHIPPING_REF = "shipping";

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid, an amount is in another currency,
     *                                  two lines or fees share an id, or the discounts' total is
     *                                  not what is allocated; the message names the field
     */
    public Cart {
        Checks.required(currency, "Cart.currency");
        Checks.required(prices, "Cart.prices");
        lines = Checks.nonEmptyList(lines, "Cart.lines");
        Set<String> ids = new HashSet<>();
        ids.add(SHIPPING_REF);
        for (int i = 0; i < lines.size(); i++) {
            LineItem line = lines.get(i);
            Checks.currency(line.unitPrice(), currency, "Cart.lines[" + i + "].unitPrice");
            if (!ids.add(line.lineId())) {
                throw new IllegalArgumentException("Cart.lines[" + i + "].lineId \"" + line.lineId()
                        + "\" is used by another line or is reserved");
            }
        }
        Checks.nonNegative(shipping, "Cart.shipping");
        Checks.currency(shipping, currency, "Cart.shipping");
        Checks.nonNegative(shippingDiscount, "Cart.shippingDiscount");
        Checks.currency(shippingDiscount, currency, "Cart.shippingDiscount");
        if (shippingDiscount.compareTo(shipping) > 0) {
            throw new IllegalArgumentException(
                    "Cart.shippingDiscount must be at most Cart.shipping (" + shipping + "), was " + shippingDiscount);
        }
        fees = Checks.list(fees, "Cart.fees");
        for (int i = 0; i < fees.size(); i++) {
            Fee fee = fees.get(i);
            Checks.currency(fee.amount(), currency, "Cart.fees[" + i + "].amount");
            if (!ids.add(fee.feeId())) {
                throw new IllegalArgumentException("Cart.fees[" + i + "].feeId \"" + fee.feeId()
                        + "\" is used by a line, another fee, or is reserved");
            }
        }
        discounts = Checks.list(discounts, "Cart.discounts");
        Money granted = Money.zero(currency);
        for (int i = 0; i < discounts.size(); i++) {
            Checks.currency(discounts.get(i).amount(), currency, "Cart.discounts[" + i + "].amount");
            granted = granted.plus(discounts.get(i).amount());
        }
        Checks.required(shipTo, "Cart.shipTo");
        Checks.required(customer, "Cart.customer");
        Checks.required(orderDate, "Cart.orderDate");
        // Totals fail on overflow now rather than in every plugin that adds them up.
        Money allocated = allocatedOf(lines, shippingDiscount, fees);
        if (!allocated.equals(granted)) {
            throw new IllegalArgumentException("Cart.discounts must total what is allocated to lines, shipping and"
                    + " fees (" + allocated + "), was " + granted);
        }
        sum(lines, currency, false).plus(shipping).plus(feesOf(fees, currency, false));
    }

    /**
     * A builder, for tests and for code that maps its own carts.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The sum of the lines' amounts before discounts, without shipping or fees.
     *
     * @return the subtotal in {@link #currency()}
     */
    public Money subtotal() {
        return sum(lines, currency, false);
    }

    /**
     * The sum of the lines' amounts after their discounts.
     *
     * @return the sum of every {@link LineItem#netAmount()}
     */
    public Money netSubtotal() {
        return sum(lines, currency, true);
    }

    /**
     * The shipping charge after its discount.
     *
     * @return {@code shipping − shippingDiscount}
     */
    public Money netShipping() {
        return shipping.minus(shippingDiscount);
    }

    /**
     * The fees before their discounts.
     *
     * @return the sum of every fee's amount
     */
    public Money feesTotal() {
        return feesOf(fees, currency, false);
    }

    /**
     * The fees after their discounts.
     *
     * @return the sum of every {@link Fee#netAmount()}
     */
    public Money netFeesTotal() {
        return feesOf(fees, currency, true);
    }

    /**
     * The discounts granted, which is also what is allocated.
     *
     * @return the sum of {@link #discounts()}
     */
    public Money discountTotal() {
        return allocatedOf(lines, shippingDiscount, fees);
    }

    /**
     * What the goods, shipping and fees come to after discounts, before any tax added on top and
     * before duties.
     *
     * @return {@code netSubtotal + netShipping + netFeesTotal}
     */
    public Money netTotal() {
        return netSubtotal().plus(netShipping()).plus(netFeesTotal());
    }

    /**
     * The line with an id.
     *
     * @param lineId a line id
     * @return the line
     * @throws IllegalArgumentException if no line has that id
     */
    public LineItem line(String lineId) {
        for (LineItem line : lines) {
            if (line.lineId().equals(lineId)) {
                return line;
            }
        }
        throw new IllegalArgumentException("Cart has no line \"" + lineId + "\"");
    }

    /**
     * The fee with an id.
     *
     * @param feeId a fee id
     * @return the fee
     * @throws IllegalArgumentException if no fee has that id
     */
    public Fee fee(String feeId) {
        for (Fee fee : fees) {
            if (fee.feeId().equals(feeId)) {
                return fee;
            }
        }
        throw new IllegalArgumentException("Cart has no fee \"" + feeId + "\"");
    }

    /**
     * The destination country, for tax and duties.
     *
     * @return {@code shipTo().country()}
     */
    public CountryCode destination() {
        return shipTo.country();
    }

    private static Money sum(List<LineItem> lines, Currency currency, boolean net) {
        Money total = Money.zero(currency);
        for (LineItem line : lines) {
            total = total.plus(net ? line.netAmount() : line.amount());
        }
        return total;
    }

    private static Money feesOf(List<Fee> fees, Currency currency, boolean net) {
        Money total = Money.zero(currency);
        for (Fee fee : fees) {
            total = total.plus(net ? fee.netAmount() : fee.amount());
        }
        return total;
    }

    private static Money allocatedOf(List<LineItem> lines, Money shippingDiscount, List<Fee> fees) {
        Money total = shippingDiscount;
        for (LineItem line : lines) {
            total = total.plus(line.discount());
        }
        for (Fee fee : fees) {
            total = total.plus(fee.discount());
        }
        return total;
    }

    /**
     * Builds a {@link Cart}. Defaults: prices {@link PriceDisplay#EXCLUDING_TAX}, shipping zero,
     * no shipping discount, no fees, no discounts, an anonymous customer ({@code "guest"}). The
     * currency, at least one line, the ship-to address and the order date have no default.
     */
    public static final class Builder {
        private Currency currency;
        private PriceDisplay prices = PriceDisplay.EXCLUDING_TAX;
        private final List<LineItem> lines = new ArrayList<>();
        private Money shipping;
        private Money shippingDiscount;
        private final List<Fee> fees = new ArrayList<>();
        private final List<AppliedDiscount> discounts = new ArrayList<>();
        private Address shipTo;
        private Customer customer;
        private LocalDate orderDate;

        private Builder() {}

        /**
         * Sets the currency.
         *
         * @param currency the cart's currency
         * @return this builder
         */
        public Builder currency(Currency currency) {
            this.currency = currency;
            return this;
        }

        /**
         * Sets the currency by code.
         *
         * @param currencyCode an ISO 4217 code
         * @return this builder
         */
        public Builder currency(String currencyCode) {
            return currency(Currency.getInstance(currencyCode));
        }

        /**
         * Sets whether prices include tax.
         *
         * @param prices the price display
         * @return this builder
         */
        public Builder prices(PriceDisplay prices) {
            this.prices = prices;
            return this;
        }

        /**
         * Adds a line.
         *
         * @param line the line
         * @return this builder
         */
        public Builder line(LineItem line) {
            lines.add(line);
            return this;
        }

        /**
         * Adds lines.
         *
         * @param lines the lines
         * @return this builder
         */
        public Builder lines(List<LineItem> lines) {
            this.lines.addAll(lines);
            return this;
        }

        /**
         * Sets the shipping charge.
         *
         * @param shipping the charge before discounts
         * @return this builder
         */
        public Builder shipping(Money shipping) {
            this.shipping = shipping;
            return this;
        }

        /**
         * Sets the discount allocated to shipping.
         *
         * @param shippingDiscount the shipping discount
         * @return this builder
         */
        public Builder shippingDiscount(Money shippingDiscount) {
            this.shippingDiscount = shippingDiscount;
            return this;
        }

        /**
         * Adds a fee.
         *
         * @param fee the fee
         * @return this builder
         */
        public Builder fee(Fee fee) {
            fees.add(fee);
            return this;
        }

        /**
         * Adds a granted discount (allocate it on lines, shipping or fees as well).
         *
         * @param discount the discount
         * @return this builder
         */
        public Builder discount(AppliedDiscount discount) {
            discounts.add(discount);
            return this;
        }

        /**
         * Sets the delivery address.
         *
         * @param shipTo the address
         * @return this builder
         */
        public Builder shipTo(Address shipTo) {
            this.shipTo = shipTo;
            return this;
        }

        /**
         * Sets the delivery address by country and city only.
         *
         * @param country the destination
         * @param city    the city
         * @return this builder
         */
        public Builder shipTo(CountryCode country, String city) {
            return shipTo(new Address(country, null, null, city, List.of(), null));
        }

        /**
         * Sets the buyer.
         *
         * @param customer the customer
         * @return this builder
         */
        public Builder customer(Customer customer) {
            this.customer = customer;
            return this;
        }

        /**
         * Sets the order date.
         *
         * @param orderDate the date whose rules apply
         * @return this builder
         */
        public Builder orderDate(LocalDate orderDate) {
            this.orderDate = orderDate;
            return this;
        }

        /**
         * Builds the cart.
         *
         * @return the cart
         * @throws IllegalArgumentException if a component is missing or invalid; the message names it
         */
        public Cart build() {
            Checks.required(currency, "Cart.currency");
            Money zero = Money.zero(currency);
            return new Cart(
                    currency,
                    prices,
                    lines,
                    shipping == null ? zero : shipping,
                    shippingDiscount == null ? zero : shippingDiscount,
                    fees,
                    discounts,
                    shipTo,
                    customer == null ? new Customer("guest", null, null, null) : customer,
                    orderDate);
        }
    }
}
