package io.caravan.plugins.tax;

import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.tax.CollectedAt;
import io.caravan.sdk.tax.TaxQuote;
import java.util.List;
import java.util.function.Predicate;

/**
 * Goods shipped from abroad to a consumer in Norway. With a VOEC number, items worth less than
 * NOK 3,000 each (unit price net of Norwegian VAT) carry Norwegian VAT at the point of sale, rule
 * {@code NO-VOEC}, shipping included, and no customs duty; dearer items are outside VOEC and pay
 * import VAT at the border, rule {@code NO-IMPORT-VAT}. Without a VOEC number every item pays
 * import VAT at the border. Duty outside VOEC is not computed (no tariff data).
 *
 * <p>The threshold is per item, not per consignment, hence a predicate over lines rather than one
 * comparison. Reads rule {@code NO-VOEC} (NOK 3,000, from 2020-04-01) from
 * {@code low_value_import_rules.csv} and the NO rates from {@code vat_rates.csv}.
 */
final class NorwayVoec implements TaxRegime {

    private final VatRates rates;
    private final ImportRules rules;

    NorwayVoec(VatRates rates, ImportRules rules) {
        this.rates = rates;
        this.rules = rules;
    }

    @Override
    public TaxQuote quote(Consignment consignment) {
        QuoteBuilder quote = new QuoteBuilder(consignment, rates);
        String from = consignment.shipFrom().code();
        String voecNumber = consignment.settings().voecNumber();
        List<LineItem> lines = consignment.cart().lines();
        ImportRules.Rule rule = rules.rule("NO-VOEC");
        boolean voec = voecNumber != null && rule.inForce(consignment.orderDate());
        Predicate<LineItem> withinVoec = line -> consignment
                        .inCurrency(quote.netUnitValue(line), rule.currency())
                        .compareTo(rule.threshold())
                < 0;
        String limit = rule.currency() + " " + rule.threshold().toPlainString();
        if (voec) {
            quote.tax(
                    "NO",
                    "NO-VOEC",
                    "import from " + from + ", item value < " + limit + " per item: Norwegian"
                            + " VAT at the point of sale under VOEC " + voecNumber + " (" + rule.dates() + ")",
                    CollectedAt.CHECKOUT,
                    withinVoec,
                    true);
            // Shipping is taxed once: under VOEC if any item is, at the border only if none is.
            quote.tax(
                    "NO",
                    "NO-IMPORT-VAT",
                    "item value ≥ " + limit + " (outside VOEC): import VAT at the" + " border, "
                            + consignment.importChargesPayer(),
                    consignment.importChargesCollectedAt(),
                    withinVoec.negate(),
                    lines.stream().noneMatch(withinVoec));
            quote.notice("[NO-VOEC] VOEC items are exempt from customs duty; foodstuffs, restricted and excise"
                    + " goods are outside VOEC (not detected by the plugin).");
        } else {
            quote.taxAll(
                    "NO",
                    "NO-IMPORT-VAT",
                    "import from " + from + ", store has no VOEC number: import VAT at" + " the border, "
                            + consignment.importChargesPayer(),
                    consignment.importChargesCollectedAt());
        }
        if (!voec || lines.stream().anyMatch(withinVoec.negate())) {
            quote.notice("[NO-DUTY-TARIFF] Customs duty on goods outside VOEC is NOT computed: no tariff data.");
        }
        return quote.build();
    }
}
