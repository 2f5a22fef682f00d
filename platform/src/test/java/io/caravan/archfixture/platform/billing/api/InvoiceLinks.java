package io.caravan.archfixture.platform.billing.api;

/** Billing's own REST edge. */
public final class InvoiceLinks {
    private InvoiceLinks() {}

    public static String of(String orderId) {
        return "/invoices/" + orderId;
    }
}
