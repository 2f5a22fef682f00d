package io.caravan.platform.commerce.application;

/**
 * Every provider the store routes the method to declined or did not attempt the payment: the order
 * was cancelled and its stock released, the checkout is open again (402).
 */
public class PaymentDeclinedException extends RuntimeException {
    private final String orderId;
    private final String category;
    private final String code;

    public PaymentDeclinedException(String orderId, String category, String code, String message) {
        super(message, null, false, false);
        this.orderId = orderId;
        this.category = category;
        this.code = code;
    }

    public String orderId() {
        return orderId;
    }

    public String category() {
        return category;
    }

    public String code() {
        return code;
    }
}
