package io.caravan.plugins.tax;

import io.caravan.sdk.tax.CollectedAt;
import io.caravan.sdk.tax.TaxQuote;

/**
 * Goods shipped from one EU member state to a consumer in another (or the same) one: no customs,
 * VAT only, at checkout.
 *
 * <ul>
 *   <li>Same member state: its VAT, rule {@code <country>-DOMESTIC}.</li>
 *   <li>Store registered for the Union OSS: the destination's VAT, rule {@code EU-OSS}.</li>
 *   <li>Not OSS-registered, shipping from the member state it is established in
 *       ({@code originCountry}): that state's VAT, as long as its EU distance sales stay within
 *       the EU-wide threshold (EUR 10,000 a year; the plugin cannot track it, the quote says so),
 *       rule {@code EU-DISTANCE-SELLER-STATE}.</li>
 *   <li>Not OSS-registered, shipping from another member state: the threshold is only for sellers
 *       established in one state shipping from it, so the destination's VAT,
 *       rule {@code EU-DISTANCE-DESTINATION}.</li>
 * </ul>
 *
 * <p>Reads rule {@code EU-OSS} (EUR 10,000, from 2021-07-01) from {@code low_value_import_rules.csv}
 * and the member states' rates from {@code vat_rates.csv}.
 */
final class IntraEuDistanceSale implements TaxRegime {

    private final VatRates rates;
    private final ImportRules rules;

    IntraEuDistanceSale(VatRates rates, ImportRules rules) {
        this.rates = rates;
        this.rules = rules;
    }

    @Override
    public TaxQuote quote(Consignment consignment) {
        QuoteBuilder quote = new QuoteBuilder(consignment, rates);
        String from = consignment.shipFrom().code();
        String destination = consignment.destination().code();
        if (from.equals(destination)) {
            quote.taxAll(destination, destination + "-DOMESTIC", "domestic sale", CollectedAt.CHECKOUT);
            return quote.build();
        }
        TaxSettings settings = consignment.settings();
        ImportRules.Rule oss = rules.rule("EU-OSS");
        String threshold = "EUR " + oss.threshold().toPlainString();
        if (settings.oss() && oss.inForce(consignment.orderDate())) {
            quote.taxAll(
                    destination,
                    "EU-OSS",
                    "intra-EU distance sale from " + from + ", destination VAT declared"
                            + " via Union OSS (rule EU-OSS " + oss.dates() + ")",
                    CollectedAt.CHECKOUT);
        } else if (from.equals(settings.originCountry())) {
            quote.taxAll(
                    from,
                    "EU-DISTANCE-SELLER-STATE",
                    "intra-EU distance sale by a store not OSS-registered:"
                            + " VAT of the seller's member state while its EU distance sales stay ≤ " + threshold
                            + "/year (EU-OSS " + oss.dates() + ")",
                    CollectedAt.CHECKOUT);
            quote.notice("[EU-OSS] Seller-state VAT assumes the store's intra-EU distance sales stay within "
                    + threshold + " a year; above it the store must register for OSS (not tracked by the plugin).");
        } else {
            quote.taxAll(
                    destination,
                    "EU-DISTANCE-DESTINATION",
                    "intra-EU distance sale dispatched from " + from
                            + " by a store not established there: the " + threshold + " threshold does not apply,"
                            + " destination VAT",
                    CollectedAt.CHECKOUT);
            quote.notice("[EU-DISTANCE-DESTINATION] The store is not OSS-registered; destination VAT is due" + " in "
                    + destination + " (register for OSS or locally).");
        }
        return quote.build();
    }
}
