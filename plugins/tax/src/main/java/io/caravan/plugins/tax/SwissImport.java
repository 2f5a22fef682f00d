package io.caravan.plugins.tax;

import static io.caravan.plugins.tax.Explanations.money;

import io.caravan.sdk.tax.CollectedAt;
import io.caravan.sdk.tax.TaxQuote;
import java.math.BigDecimal;

/**
 * Goods shipped from abroad to a consumer in Switzerland. A store registered for Swiss VAT under
 * the mail-order rule (required from CHF 100,000 a year of small consignments) charges Swiss VAT
 * at checkout and imports in its own name, rule {@code CH-MAIL-ORDER}. Otherwise import VAT is due
 * at the border, rule {@code CH-IMPORT-VAT}, except that an import VAT of at most CHF 5 on the
 * consignment is not levied (small-consignment rule): the quote then has no tax, only a notice.
 * Customs duty is not computed.
 *
 * <p>Reads rule {@code CH-MAIL-ORDER} (from 2019-01-01; CHF 5 small-consignment amount in
 * {@code extra_amount}) from {@code low_value_import_rules.csv} and the CH rates from
 * {@code vat_rates.csv}.
 */
final class SwissImport implements TaxRegime {

    private final VatRates rates;
    private final ImportRules rules;

    SwissImport(VatRates rates, ImportRules rules) {
        this.rates = rates;
        this.rules = rules;
    }

    @Override
    public TaxQuote quote(Consignment consignment) {
        QuoteBuilder quote = new QuoteBuilder(consignment, rates);
        String from = consignment.shipFrom().code();
        ImportRules.Rule rule = rules.rule("CH-MAIL-ORDER");
        if (consignment.settings().chVat() && rule.inForce(consignment.orderDate())) {
            quote.taxAll(
                    "CH",
                    "CH-MAIL-ORDER",
                    "import from " + from + " by a store registered for Swiss VAT"
                            + " (mail-order rule, " + rule.dates()
                            + "): Swiss VAT at checkout, store imports in its own"
                            + " name",
                    CollectedAt.CHECKOUT);
        } else {
            quote.taxAll(
                    "CH",
                    "CH-IMPORT-VAT",
                    "import from " + from + ": import VAT at the border, " + consignment.importChargesPayer(),
                    consignment.importChargesCollectedAt());
            // The small-consignment rule is about the tax amount, so the tax is computed first and
            // withdrawn if it is within the amount.
            BigDecimal importVat = consignment.inCurrency(quote.totalTax().amount(), rule.currency());
            if (rule.inForce(consignment.orderDate()) && importVat.compareTo(rule.extraAmount()) <= 0) {
                quote.dropTaxes();
                quote.notice("[CH-SMALL-CONSIGNMENT] Import VAT of " + money(importVat, rule.currency())
                        + consignment.conversionNote(rule.currency()) + " is ≤ " + rule.currency() + " "
                        + rule.extraAmount().toPlainString() + ": not levied (small-consignment rule, "
                        + rule.dates() + ").");
            }
        }
        quote.notice("[CH-DUTY] Customs duties are NOT computed; per the data, industrial goods (tariff chapters"
                + " 25-97) are duty-free since 2024-01-01, agricultural goods remain dutiable.");
        return quote.build();
    }
}
