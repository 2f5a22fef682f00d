package io.caravan.plugins.tax;

import static io.caravan.plugins.tax.Explanations.money;

import io.caravan.sdk.tax.TaxQuote;
import java.math.BigDecimal;

/**
 * Goods shipped from abroad to a consumer in Japan. A consignment worth at most JPY 10,000 (the
 * price charged for the goods, without shipping) is exempt from customs duty and import consumption
 * tax: no tax, a notice. Above it, import consumption tax at the border on the goods, rule
 * {@code JP-IMPORT-CT}; an estimate, since customs values personal imports at 60 % of the retail
 * price and the plugin does not apply that. Duty is not computed.
 *
 * <p>Reads rule {@code JP-SMALL-VALUE} (JPY 10,000, long-standing) from
 * {@code low_value_import_rules.csv} and the JP rates from {@code vat_rates.csv}.
 */
final class JapanSmallValue implements TaxRegime {

    private final VatRates rates;
    private final ImportRules rules;

    JapanSmallValue(VatRates rates, ImportRules rules) {
        this.rates = rates;
        this.rules = rules;
    }

    @Override
    public TaxQuote quote(Consignment consignment) {
        QuoteBuilder quote = new QuoteBuilder(consignment, rates);
        ImportRules.Rule rule = rules.rule("JP-SMALL-VALUE");
        BigDecimal consignmentValue = consignment.inCurrency(quote.goodsValue(), rule.currency());
        String limit = rule.currency() + " " + rule.threshold().toPlainString();
        if (rule.inForce(consignment.orderDate()) && consignmentValue.compareTo(rule.threshold()) <= 0) {
            quote.notice("[JP-SMALL-VALUE] Consignment " + money(consignmentValue, rule.currency())
                    + consignment.conversionNote(rule.currency()) + " ≤ " + limit
                    + ": customs duty and import consumption tax exempted.");
            return quote.build();
        }
        quote.tax(
                "JP",
                "JP-IMPORT-CT",
                "import from " + consignment.shipFrom().code() + ", consignment > " + limit
                        + ": import consumption tax at the border on the price charged (estimate; the 60 % personal-use"
                        + " valuation is not applied), " + consignment.importChargesPayer(),
                consignment.importChargesCollectedAt(),
                line -> true,
                false);
        quote.notice("[JP-DUTY-TARIFF] Customs duty above " + limit + " is NOT computed: no tariff data.");
        return quote.build();
    }
}
