package io.caravan.sdk.model;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One line of a cart or order: a quantity of one product variant at one unit price, with the part
 * of the cart's discounts allocated to it.
 *
 * <p>Build one with {@link #builder()} in tests: {@code LineItem.builder().lineId("1").sku("TS-M")
 * .unitPrice(Money.ofMinor(1999, "EUR")).origin(CN).shipFrom(CN).build()}.
 *
 * @param lineId      the line's id within its cart, the reference results use to point at it
 *                    ({@code TaxLine.lineRef}, return lines); not blank, at most 64 characters
 * @param productId   the store's product id; not blank, at most 64 characters
 * @param variantId   the store's variant id (size, colour); not blank, at most 64 characters
 * @param sku         the merchant's stock-keeping unit of the variant; not blank, at most 64 characters
 * @param title       the product title as the shopper sees it (also the customs description);
 *                    not blank, at most 200 characters
 * @param quantity    how many units; greater than zero
 * @param unitPrice   the price of one unit before discounts, including or excluding tax as the
 *                    cart's {@link Cart#prices()} says; not negative
 * @param discount    the discount allocated to this line, for all its units together (see
 *                    {@link AppliedDiscount}); not negative, at most {@link #amount()}, same currency
 * @param goods       the physical facts of one unit: weight, dimensions, HS code, country of origin
 * @param shipFrom    the country the goods leave from, i.e. the warehouse's country (decides whether
 *                    the sale is domestic, intra-EU or an import); required
 * @param taxCategory how the product is taxed; required
 * @param categories  the store's category ids or handles of the product ({@code "apparel/t-shirts"}),
 *                    for rules that depend on them (returns windows, tax exceptions); at most 20,
 *                    each not blank and at most 64 characters
 * @param flags       facts that change shipping and returns ({@link LineFlag})
 */
public record LineItem(
        String lineId,
        String productId,
        String variantId,
        String sku,
        String title,
        int quantity,
        Money unitPrice,
        Money discount,
        Goods goods,
        CountryCode shipFrom,
        TaxCategory taxCategory,
        List<String> categories,
        Set<LineFlag> flags) {

    /** The most categories a line carries. */
    public static final int MAX_CATEGORIES = 20;

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public LineItem {
        checkPriced(lineId, productId, variantId, sku, title, quantity, unitPrice, discount);
        Checks.required(goods, "LineItem.goods");
        Math.multiplyExact(goods.weightGrams(), quantity);
        Checks.required(shipFrom, "LineItem.shipFrom");
        Checks.required(taxCategory, "LineItem.taxCategory");
        categories = Checks.list(categories, "LineItem.categories");
        if (categories.size() > MAX_CATEGORIES) {
            throw new IllegalArgumentException("LineItem.categories must hold at most " + MAX_CATEGORIES
                    + " categories, had " + categories.size());
        }
        for (int i = 0; i < categories.size(); i++) {
            Checks.text(categories.get(i), "LineItem.categories[" + i + "]", 64);
        }
        flags = Checks.set(flags, "LineItem.flags");
    }

    // The components before goods, in component order; the builder checks them before it builds the
    // Goods, so a line's first problem is reported first whichever way it is built.
    private static void checkPriced(
            String lineId,
            String productId,
            String variantId,
            String sku,
            String title,
            int quantity,
            Money unitPrice,
            Money discount) {
        Checks.text(lineId, "LineItem.lineId", 64);
        Checks.text(productId, "LineItem.productId", 64);
        Checks.text(variantId, "LineItem.variantId", 64);
        Checks.text(sku, "LineItem.sku", 64);
        Checks.text(title, "LineItem.title", 200);
        Checks.positive(quantity, "LineItem.quantity");
        Checks.nonNegative(unitPrice, "LineItem.unitPrice");
        Checks.nonNegative(discount, "LineItem.discount");
        Checks.currency(discount, unitPrice.currency(), "LineItem.discount");
        Money amount = unitPrice.times(quantity); // fails on overflow here, not in every plugin
        if (discount.compareTo(amount) > 0) {
            throw new IllegalArgumentException(
                    "LineItem.discount must be at most the line's amount (" + amount + "), was " + discount);
        }
    }

    /**
     * A builder, for tests and for code that maps its own lines.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The line's amount before its discount: unit price times quantity.
     *
     * @return {@code unitPrice × quantity}, in the unit price's currency
     */
    public Money amount() {
        return unitPrice.times(quantity);
    }

    /**
     * What the shopper pays for the line: its amount less the discount allocated to it. Taxes and
     * customs values are computed on this.
     *
     * @return {@code amount() − discount}
     */
    public Money netAmount() {
        return amount().minus(discount);
    }

    /**
     * The line's shipping weight: unit weight times quantity.
     *
     * @return the weight of all units in grams
     */
    public long totalWeightGrams() {
        return goods.weightGrams() * quantity;
    }

    /**
     * The country of manufacture, {@code goods().origin()}.
     *
     * @return the origin country
     */
    public CountryCode origin() {
        return goods.origin();
    }

    /**
     * The commodity code, {@code goods().hsCode()}.
     *
     * @return the HS code, or null if unclassified
     */
    public HsCode hsCode() {
        return goods.hsCode();
    }

    /**
     * Whether the line carries a flag.
     *
     * @param flag a flag
     * @return true if {@link #flags()} contains it
     */
    public boolean has(LineFlag flag) {
        return flags.contains(flag);
    }

    /**
     * Builds a {@link LineItem}. Defaults: {@code productId} and {@code variantId} the SKU,
     * {@code title} the SKU, quantity 1, no discount, weight 0, no dimensions, no HS code,
     * {@code shipFrom} the origin, {@link TaxCategory#STANDARD}, no categories, no flags. The line
     * id, the SKU, the unit price and the origin have no default.
     */
    public static final class Builder {
        private String lineId;
        private String productId;
        private String variantId;
        private String sku;
        private String title;
        private int quantity = 1;
        private Money unitPrice;
        private Money discount;
        private long weightGrams;
        private Dimensions dimensions;
        private HsCode hsCode;
        private CountryCode origin;
        private CountryCode shipFrom;
        private TaxCategory taxCategory = TaxCategory.STANDARD;
        private final List<String> categories = new ArrayList<>();
        private final Set<LineFlag> flags = EnumSet.noneOf(LineFlag.class);

        private Builder() {}

        /**
         * Sets the line id.
         *
         * @param lineId the id within the cart
         * @return this builder
         */
        public Builder lineId(String lineId) {
            this.lineId = lineId;
            return this;
        }

        /**
         * Sets the product id.
         *
         * @param productId the store's product id
         * @return this builder
         */
        public Builder productId(String productId) {
            this.productId = productId;
            return this;
        }

        /**
         * Sets the variant id.
         *
         * @param variantId the store's variant id
         * @return this builder
         */
        public Builder variantId(String variantId) {
            this.variantId = variantId;
            return this;
        }

        /**
         * Sets the SKU.
         *
         * @param sku the stock-keeping unit
         * @return this builder
         */
        public Builder sku(String sku) {
            this.sku = sku;
            return this;
        }

        /**
         * Sets the title.
         *
         * @param title the product title
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * Sets the quantity.
         *
         * @param quantity how many units
         * @return this builder
         */
        public Builder quantity(int quantity) {
            this.quantity = quantity;
            return this;
        }

        /**
         * Sets the unit price.
         *
         * @param unitPrice the price of one unit before discounts
         * @return this builder
         */
        public Builder unitPrice(Money unitPrice) {
            this.unitPrice = unitPrice;
            return this;
        }

        /**
         * Sets the discount allocated to the line (all units together).
         *
         * @param discount the line's discount
         * @return this builder
         */
        public Builder discount(Money discount) {
            this.discount = discount;
            return this;
        }

        /**
         * Sets the weight of one unit.
         *
         * @param weightGrams grams per unit
         * @return this builder
         */
        public Builder weightGrams(long weightGrams) {
            this.weightGrams = weightGrams;
            return this;
        }

        /**
         * Sets the dimensions of one unit.
         *
         * @param dimensions the dimensions, or null
         * @return this builder
         */
        public Builder dimensions(Dimensions dimensions) {
            this.dimensions = dimensions;
            return this;
        }

        /**
         * Sets the HS code.
         *
         * @param hsCode the commodity code, or null
         * @return this builder
         */
        public Builder hsCode(HsCode hsCode) {
            this.hsCode = hsCode;
            return this;
        }

        /**
         * Sets the country of manufacture.
         *
         * @param origin where the goods were made
         * @return this builder
         */
        public Builder origin(CountryCode origin) {
            this.origin = origin;
            return this;
        }

        /**
         * Sets the country the goods leave from.
         *
         * @param shipFrom the warehouse's country
         * @return this builder
         */
        public Builder shipFrom(CountryCode shipFrom) {
            this.shipFrom = shipFrom;
            return this;
        }

        /**
         * Sets the weight, dimensions, HS code and origin at once.
         *
         * @param goods the physical facts of one unit
         * @return this builder
         */
        public Builder goods(Goods goods) {
            this.weightGrams = goods.weightGrams();
            this.dimensions = goods.dimensions();
            this.hsCode = goods.hsCode();
            this.origin = goods.origin();
            return this;
        }

        /**
         * Sets the tax category.
         *
         * @param taxCategory how the product is taxed
         * @return this builder
         */
        public Builder taxCategory(TaxCategory taxCategory) {
            this.taxCategory = taxCategory;
            return this;
        }

        /**
         * Adds categories.
         *
         * @param categories category ids
         * @return this builder
         */
        public Builder categories(Collection<String> categories) {
            this.categories.addAll(categories);
            return this;
        }

        /**
         * Adds flags.
         *
         * @param flags the flags
         * @return this builder
         */
        public Builder flags(LineFlag... flags) {
            this.flags.addAll(List.of(flags));
            return this;
        }

        /**
         * Builds the line.
         *
         * @return the line
         * @throws IllegalArgumentException if a component is missing or invalid; the message names it
         */
        public LineItem build() {
            String product = productId == null ? sku : productId;
            String variant = variantId == null ? sku : variantId;
            String name = title == null ? sku : title;
            Money lineDiscount = discount == null && unitPrice != null ? Money.zero(unitPrice.currency()) : discount;
            checkPriced(lineId, product, variant, sku, name, quantity, unitPrice, lineDiscount);
            return new LineItem(
                    lineId,
                    product,
                    variant,
                    sku,
                    name,
                    quantity,
                    unitPrice,
                    lineDiscount,
                    new Goods(weightGrams, dimensions, hsCode, origin),
                    shipFrom == null ? origin : shipFrom,
                    taxCategory,
                    categories,
                    flags);
        }
    }
}
