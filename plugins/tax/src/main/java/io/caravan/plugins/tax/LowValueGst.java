package io.caravan.plugins.tax;

import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.tax.CollectedAt;
import io.caravan.sdk.tax.TaxQuote;
import java.util.List;
import java.util.function.Predicate;

/**
 * Goods shipped from abroad to a consumer in a country that collects GST on low-value imports at
 * the point of sale: Australia (rule {@code AU-LVIG}), New Zealand ({@code NZ-LVG}) and Singapore
 * ({@code SG-LVG}); one instance per country. The threshold is per item (unit price net of GST).
 *
 * <p>A GST-registered store charges GST at checkout on items at or below the threshold, under the
 * country's rule id; items above it pay GST at the border, rule {@code <country>-IMPORT-GST}. An
 * unregistered store collects nothing on low-value items (the quote says registration is required
 * above the local turnover threshold) and dearer items pay GST at the border. Before the rule's
 * start date every item pays GST at the border. Duty above the threshold is not computed.
 *
 * <p>Reads rule {@code AU-LVIG} (AUD 1,000, from 2018-07-01), {@code NZ-LVG} (NZD 1,000, from
 * 2019-12-01) or {@code SG-LVG} (SGD 400, from 2023-01-01) from {@code low_value_import_rules.csv},
 * and the country's rates from {@code vat_rates.csv}.
 */
final class LowValueGst implements TaxRegime {

    private final VatRates rates;
    private final ImportRules rules;
    private final String ruleId;
    private final Predicate<TaxSettings> registered;

    /**
     * @param ruleId     the country's rule in {@code low_value_import_rules.csv}
     * @param registered whether the store's settings say it is GST-registered in that country
     */
    LowValueGst(VatRates rates, ImportRules rules, String ruleId, Predicate<TaxSettings> registered) {
        this.rates = rates;
        this.rules = rules;
        this.ruleId = ruleId;
        this.registered = registered;
    }

    @Override
    public TaxQuote quote(Consignment consignment) {
        QuoteBuilder quote = new QuoteBuilder(consignment, rates);
        String from = consignment.shipFrom().code();
        String country = consignment.destination().code();
        List<LineItem> lines = consignment.cart().lines();
        ImportRules.Rule rule = rules.rule(ruleId);
        Predicate<LineItem> lowValue = line -> consignment
                        .inCurrency(quote.netUnitValue(line), rule.currency())
                        .compareTo(rule.threshold())
                <= 0;
        String limit = rule.currency() + " " + rule.threshold().toPlainString();
        boolean inForce = rule.inForce(consignment.orderDate());
        String payer = consignment.importChargesPayer();
        CollectedAt atBorder = consignment.importChargesCollectedAt();
        if (registered.test(consignment.settings()) && inForce) {
            quote.tax(
                    country,
                    ruleId,
                    "import from " + from + ", item value ≤ " + limit + ": GST at the point of"
                            + " sale by the registered seller (" + rule.dates() + ")",
                    CollectedAt.CHECKOUT,
                    lowValue,
                    true);
            // Shipping is taxed once: at the point of sale if any item is, at the border only if none is.
            quote.tax(
                    country,
                    country + "-IMPORT-GST",
                    "item value > " + limit + ": GST at the border, " + payer,
                    atBorder,
                    lowValue.negate(),
                    lines.stream().noneMatch(lowValue));
        } else {
            if (inForce && lines.stream().anyMatch(lowValue)) {
                quote.notice("[" + ruleId + "] The store is not configured as GST-registered in " + country
                        + ": no GST collected on items ≤ " + limit + " (registration is required above the"
                        + " local turnover threshold).");
            }
            Predicate<LineItem> taxedAtBorder = inForce ? lowValue.negate() : line -> true;
            quote.tax(
                    country,
                    country + "-IMPORT-GST",
                    "import from " + from + (inForce ? ", item value > " + limit : "") + ": GST at the border, "
                            + payer,
                    atBorder,
                    taxedAtBorder,
                    true);
        }
        if (lines.stream().anyMatch(lowValue.negate()) || !inForce) {
            quote.notice("[" + country + "-DUTY-TARIFF] Customs duty above " + limit + " is NOT computed: no"
                    + " tariff data.");
        }
        return quote.build();
    }
}
