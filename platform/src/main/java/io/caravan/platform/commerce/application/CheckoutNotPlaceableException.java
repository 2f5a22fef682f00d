package io.caravan.platform.commerce.application;

import java.util.List;

/** An order cannot be placed from the checkout as it stands (409); the blockers say what is missing. */
public class CheckoutNotPlaceableException extends RuntimeException {
    private final transient List<String> blockers;

    public CheckoutNotPlaceableException(List<String> blockers) {
        super("The order cannot be placed yet: " + String.join("; ", blockers), null, false, false);
        this.blockers = List.copyOf(blockers);
    }

    public List<String> blockers() {
        return blockers;
    }
}
