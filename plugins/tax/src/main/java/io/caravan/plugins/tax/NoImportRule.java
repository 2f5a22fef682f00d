package io.caravan.plugins.tax;

import io.caravan.sdk.tax.TaxQuote;

/**
 * Goods shipped from abroad to a country the plugin has no low-value import rule for (Canada,
 * India, Brazil, ...): nothing is computed, and the quote says so rather than showing zero tax as
 * if it were the answer. Reads no data.
 */
final class NoImportRule implements TaxRegime {

    private final VatRates rates;

    NoImportRule(VatRates rates) {
        this.rates = rates;
    }

    @Override
    public TaxQuote quote(Consignment consignment) {
        QuoteBuilder quote = new QuoteBuilder(consignment, rates);
        String country = consignment.destination().code();
        quote.notice("[" + country + "-IMPORT-NOT-COMPUTED] Import taxes and duties for " + country
                + " are not computed: the plugin has no low-value import rule for it.");
        return quote.build();
    }
}
