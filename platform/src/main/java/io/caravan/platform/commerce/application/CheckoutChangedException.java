package io.caravan.platform.commerce.application;

/**
 * The price the shopper saw is no longer the price (catalogue, stock, a carrier or tax changed
 * since the last quote): nothing was placed; the checkout now holds the new quote (409).
 */
public class CheckoutChangedException extends RuntimeException {
    private final transient CheckoutQuote current;

    public CheckoutChangedException(long seenTotal, CheckoutQuote current) {
        super(
                "The checkout changed since it was last shown: the total was " + seenTotal + " and is now "
                        + current.totals().total() + " (minor units of " + current.currency()
                        + "). Show the new quote and place again.",
                null,
                false,
                false);
        this.current = current;
    }

    public CheckoutQuote current() {
        return current;
    }
}
