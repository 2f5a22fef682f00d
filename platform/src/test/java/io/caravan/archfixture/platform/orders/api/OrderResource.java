package io.caravan.archfixture.platform.orders.api;

import io.caravan.archfixture.platform.billing.api.InvoiceLinks;

/** Wrong: reaches into billing's api. */
public class OrderResource {
    public String invoiceLink(String orderId) {
        return InvoiceLinks.of(orderId);
    }
}
