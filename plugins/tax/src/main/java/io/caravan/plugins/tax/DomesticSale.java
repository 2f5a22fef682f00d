package io.caravan.plugins.tax;

import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.tax.CollectedAt;
import io.caravan.sdk.tax.TaxQuote;

/**
 * A sale shipped from and delivered to the same country outside the EU (an EU domestic sale is
 * {@link IntraEuDistanceSale}'s): the destination's VAT/GST on the lines and the shipping, at
 * checkout, rule {@code <country>-DOMESTIC}.
 *
 * <p>Reads the destination's rates from {@code vat_rates.csv}, dated by {@code effective_from} and
 * {@code changed_on}. Canada is taxed by province where the data has an HST row ({@code CA-ON},
 * {@code CA-NS}, ...), at the federal GST otherwise. US sales tax is state and local and not in the
 * data: the quote says so and taxes nothing. A country without a rate row gets a notice, no tax.
 */
final class DomesticSale implements TaxRegime {

    private static final CountryCode UNITED_STATES = CountryCode.of("US");
    private static final CountryCode CANADA = CountryCode.of("CA");

    private final VatRates rates;

    DomesticSale(VatRates rates) {
        this.rates = rates;
    }

    @Override
    public TaxQuote quote(Consignment consignment) {
        QuoteBuilder quote = new QuoteBuilder(consignment, rates);
        CountryCode country = consignment.destination();
        if (country.equals(UNITED_STATES)) {
            quote.notice(UsDeMinimis.SALES_TAX_NOT_COMPUTED);
            return quote.build();
        }
        String jurisdiction = country.code();
        if (country.equals(CANADA)) {
            String province = consignment.cart().shipTo().region();
            if (province != null && rates.covers("CA-" + province)) {
                jurisdiction = "CA-" + province;
            } else {
                quote.notice("[CA-PST-NOT-COMPUTED] Provincial sales tax is not computed; federal GST only.");
            }
        }
        if (!rates.covers(jurisdiction)) {
            quote.notice("[" + country + "-NO-RATE-DATA] No VAT/GST rate data for " + country + "; no tax computed.");
            return quote.build();
        }
        quote.taxAll(jurisdiction, country + "-DOMESTIC", "domestic sale", CollectedAt.CHECKOUT);
        return quote.build();
    }
}
