package io.caravan.archfixture.platform.billing.application;

import io.caravan.archfixture.platform.shared.api.ProblemDocument;

/** Wrong: an application service that speaks HTTP problem documents. */
public class InvoiceRefusal {
    public ProblemDocument refuse() {
        return new ProblemDocument(409, "already invoiced");
    }
}
