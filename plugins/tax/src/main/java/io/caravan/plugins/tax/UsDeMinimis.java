package io.caravan.plugins.tax;

import static io.caravan.plugins.tax.Explanations.money;

import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.tax.TaxQuote;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * Goods shipped from abroad to a consumer in the United States. There is no federal VAT and the
 * plugin computes no duties (no HTS tariff data), so the quote has no tax lines, only notices:
 * whether the Section 321 de minimis (duty-free up to USD 800 per shipment, price charged for the
 * goods) still applies on the order date, and that state and local sales tax is not computed.
 *
 * <p>The de minimis was suspended in two steps, by origin of the goods: for goods made in China or
 * Hong Kong from 2025-05-02 (rule {@code US-DE-MINIMIS-SUSPENDED-CN-HK}), for all goods from
 * 2025-08-29 (rule {@code US-DE-MINIMIS-SUSPENDED}). Reads both rules from
 * {@code low_value_import_rules.csv}.
 */
final class UsDeMinimis implements TaxRegime {

    static final String SALES_TAX_NOT_COMPUTED =
            "[US-SALES-TAX-NOT-COMPUTED] US state and local sales tax is not computed by this plugin.";

    private static final Set<CountryCode> CHINA_AND_HONG_KONG = Set.of(CountryCode.of("CN"), CountryCode.of("HK"));

    private final VatRates rates;
    private final ImportRules rules;

    UsDeMinimis(VatRates rates, ImportRules rules) {
        this.rates = rates;
        this.rules = rules;
    }

    @Override
    public TaxQuote quote(Consignment consignment) {
        QuoteBuilder quote = new QuoteBuilder(consignment, rates);
        LocalDate date = consignment.orderDate();
        ImportRules.Rule allOrigins = rules.rule("US-DE-MINIMIS-SUSPENDED");
        ImportRules.Rule chinaHongKong = rules.rule("US-DE-MINIMIS-SUSPENDED-CN-HK");
        // One China or Hong Kong line is enough for the shipment to lose the de minimis.
        boolean suspended = allOrigins.inForce(date)
                || chinaHongKong.inForce(date)
                        && consignment.cart().lines().stream()
                                .anyMatch(line -> CHINA_AND_HONG_KONG.contains(line.origin()));
        String limit = allOrigins.currency() + " " + allOrigins.threshold().toPlainString();
        if (suspended) {
            ImportRules.Rule rule = allOrigins.inForce(date) ? allOrigins : chinaHongKong;
            quote.notice("[" + rule.id() + "] No duty-free de minimis (" + limit + ") on " + date + ": the"
                    + " suspension applies " + rule.dates()
                    + (rule == chinaHongKong ? " to China/Hong Kong goods" : " to all countries")
                    + "; duties apply whatever the value (" + consignment.importChargesPayer() + ") and are NOT"
                    + " computed: the plugin has no HTS tariff data.");
        } else {
            BigDecimal shipmentValue = consignment.inCurrency(quote.goodsValue(), allOrigins.currency());
            if (shipmentValue.compareTo(allOrigins.threshold()) <= 0) {
                quote.notice("[US-DE-MINIMIS-800] Shipment " + money(shipmentValue, allOrigins.currency()) + " ≤ "
                        + limit + ": duty-free under Section 321 de minimis (before its suspension "
                        + chinaHongKong.effectiveFrom() + "/" + allOrigins.effectiveFrom() + ").");
            } else {
                quote.notice("[US-DUTY-TARIFF] Shipment above " + limit + ": duties apply and are NOT computed.");
            }
        }
        quote.notice(SALES_TAX_NOT_COMPUTED);
        return quote.build();
    }
}
