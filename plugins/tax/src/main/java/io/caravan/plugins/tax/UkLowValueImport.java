package io.caravan.plugins.tax;

import static io.caravan.plugins.tax.Explanations.money;

import io.caravan.sdk.plugin.PluginRejectedException;
import io.caravan.sdk.tax.CollectedAt;
import io.caravan.sdk.tax.TaxQuote;
import java.math.BigDecimal;

/**
 * Goods shipped from abroad to a consumer in the United Kingdom. A consignment worth at most
 * GBP 135 (intrinsic value, net of UK VAT, without shipping) carries UK VAT charged by the seller at
 * the point of sale, rule {@code GB-LVG-135}, and no import VAT; the store must be UK VAT-registered,
 * otherwise the quote is refused ({@code uk_vat_registration_required}) rather than letting the
 * goods arrive with VAT nobody collected. Above GBP 135: import VAT at the border, rule
 * {@code GB-IMPORT-VAT}, and customs duty that is not computed (no tariff data).
 *
 * <p>Reads rule {@code GB-LVG-135} (GBP 135, from 2021-01-01) from {@code low_value_import_rules.csv}
 * and the GB rates from {@code vat_rates.csv}.
 */
final class UkLowValueImport implements TaxRegime {

    private final VatRates rates;
    private final ImportRules rules;

    UkLowValueImport(VatRates rates, ImportRules rules) {
        this.rates = rates;
        this.rules = rules;
    }

    @Override
    public TaxQuote quote(Consignment consignment) {
        QuoteBuilder quote = new QuoteBuilder(consignment, rates);
        String from = consignment.shipFrom().code();
        ImportRules.Rule rule = rules.rule("GB-LVG-135");
        BigDecimal consignmentValue = consignment.inCurrency(quote.netGoodsValue(), rule.currency());
        String limit = rule.currency() + " " + rule.threshold().toPlainString();
        String valueText =
                "consignment " + money(consignmentValue, rule.currency()) + consignment.conversionNote(rule.currency());
        if (consignmentValue.compareTo(rule.threshold()) <= 0 && rule.inForce(consignment.orderDate())) {
            if (!consignment.settings().ukVat()) {
                throw new PluginRejectedException(
                        "uk_vat_registration_required",
                        "UK consignments ≤ " + limit
                                + " require the seller to charge UK VAT at the point of sale; the store is not"
                                + " configured as UK VAT-registered (registrations/ukVat)");
            }
            quote.taxAll(
                    "GB",
                    "GB-LVG-135",
                    "import from " + from + ", " + valueText + " ≤ " + limit
                            + ": UK VAT charged at the point of sale by the seller (" + rule.dates() + ")",
                    CollectedAt.CHECKOUT);
            quote.notice("[GB-LVG-135] No import VAT at the border; customs duty relief for consignments ≤ " + limit
                    + " continues (until abolished, by October 2028 at the latest).");
        } else {
            quote.taxAll(
                    "GB",
                    "GB-IMPORT-VAT",
                    "import from " + from + ", " + valueText + " > " + limit + ": import VAT at the border, "
                            + consignment.importChargesPayer(),
                    consignment.importChargesCollectedAt());
            quote.notice("[GB-DUTY-TARIFF] Customs duty above " + limit + " is NOT computed: no tariff data.");
        }
        return quote.build();
    }
}
