package io.caravan.archfixture.platform.orders.application;

import io.caravan.archfixture.platform.billing.application.Invoicing;
import io.caravan.archfixture.platform.billing.infrastructure.InvoiceTable;
import io.caravan.archfixture.platform.orders.domain.Order;

/** Wrong: reaches into billing's infrastructure (billing's application would be fine). */
public class PlaceOrder {
    private final InvoiceTable invoices = new InvoiceTable();
    private final Invoicing invoicing = new Invoicing();

    public void place(Order order) {
        invoices.insert(order.id());
        invoicing.invoice(order);
    }
}
