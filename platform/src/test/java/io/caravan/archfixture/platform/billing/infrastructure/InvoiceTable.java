package io.caravan.archfixture.platform.billing.infrastructure;

/** Billing's own adapter. */
public class InvoiceTable {
    public void insert(String orderId) {
        // nothing: a fixture
    }
}
