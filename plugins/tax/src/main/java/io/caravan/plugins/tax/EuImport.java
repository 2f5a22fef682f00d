package io.caravan.plugins.tax;

import static io.caravan.plugins.tax.Explanations.fit;
import static io.caravan.plugins.tax.Explanations.money;

import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.tax.CollectedAt;
import io.caravan.sdk.tax.Duty;
import io.caravan.sdk.tax.TaxQuote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Goods shipped from outside the EU to a consumer in a member state: the EU's low-value import
 * rules, with the EUR 150 line measured on the intrinsic value (net of the destination's VAT,
 * without shipping).
 *
 * <p>VAT: consignment ≤ EUR 150 and the store has an IOSS number, the destination's VAT at checkout
 * (rule {@code EU-IOSS}); otherwise import VAT at the border, paid as the store's duty treatment
 * says (rule {@code EU-IMPORT-VAT}). Customs duty: above EUR 150 the normal tariff, not computed
 * (the plugin has no tariff data); at or below, relief until 2026-06-30, then the interim flat duty
 * of EUR 3 per distinct tariff subheading.
 *
 * <p>Reads rules {@code EU-IOSS} (from 2021-07-01), {@code EU-DUTY-RELIEF-150} (until 2026-06-30)
 * and {@code EU-DUTY-FLAT-3} (2026-07-01 to 2028-07-01, EUR 3 in {@code extra_amount}) from
 * {@code low_value_import_rules.csv}, and the member states' rates from {@code vat_rates.csv}.
 */
final class EuImport implements TaxRegime {

    private final VatRates rates;
    private final ImportRules rules;

    EuImport(VatRates rates, ImportRules rules) {
        this.rates = rates;
        this.rules = rules;
    }

    @Override
    public TaxQuote quote(Consignment consignment) {
        QuoteBuilder quote = new QuoteBuilder(consignment, rates);
        String from = consignment.shipFrom().code();
        String destination = consignment.destination().code();
        ImportRules.Rule ioss = rules.rule("EU-IOSS");
        BigDecimal consignmentValue = consignment.inCurrency(quote.netGoodsValue(), ioss.currency());
        boolean lowValue = consignmentValue.compareTo(ioss.threshold()) <= 0;
        String valueText =
                "consignment " + money(consignmentValue, ioss.currency()) + consignment.conversionNote(ioss.currency());
        String limit = ioss.currency() + " " + ioss.threshold().toPlainString();
        if (lowValue && consignment.settings().iossNumber() != null && ioss.inForce(consignment.orderDate())) {
            quote.taxAll(
                    destination,
                    "EU-IOSS",
                    "import from " + from + ", " + valueText + " ≤ " + limit
                            + ": VAT collected at checkout under IOSS (" + ioss.dates() + ")",
                    CollectedAt.CHECKOUT);
            quote.notice("[EU-IOSS] No import VAT on delivery: VAT is collected at checkout (IOSS).");
        } else {
            String why = lowValue
                    ? valueText + " ≤ " + limit + " but the store has no IOSS number"
                    : valueText + " > " + limit + " (EU-IOSS ceiling)";
            quote.taxAll(
                    destination,
                    "EU-IMPORT-VAT",
                    "import from " + from + ", " + why + ": import VAT at the border, "
                            + consignment.importChargesPayer(),
                    consignment.importChargesCollectedAt());
        }
        if (lowValue) {
            lowValueDuty(consignment, quote, limit);
        } else {
            quote.notice("[EU-DUTY-TARIFF] Consignment above " + limit + ": customs duty at the normal tariff"
                    + " applies (" + consignment.importChargesPayer() + ") and is NOT computed: the plugin has no"
                    + " tariff data.");
        }
        return quote.build();
    }

    /** Customs duty on a consignment within the EUR 150 line: relief, then the flat duty. */
    private void lowValueDuty(Consignment consignment, QuoteBuilder quote, String limit) {
        LocalDate date = consignment.orderDate();
        if (rules.inForce("EU-DUTY-RELIEF-150", date).isPresent()) {
            quote.notice("[EU-DUTY-RELIEF-150] No customs duty: consignment ≤ " + limit + " (relief until "
                    + rules.rule("EU-DUTY-RELIEF-150").effectiveTo() + ").");
            return;
        }
        Optional<ImportRules.Rule> flat = rules.inForce("EU-DUTY-FLAT-3", date);
        if (flat.isEmpty()) {
            quote.notice("[EU-DUTY-TARIFF] Customs duty on this consignment is NOT computed: no rule in the data"
                    + " for " + date + ".");
            return;
        }
        flatDuty(consignment, quote, flat.get());
    }

    /**
     * The interim flat duty: one fixed amount per distinct tariff subheading (HS 6 digits) in the
     * consignment, not per line, so the lines are grouped by subheading and the duty is put on the
     * group's first line.
     */
    private static void flatDuty(Consignment consignment, QuoteBuilder quote, ImportRules.Rule rule) {
        Cart cart = consignment.cart();
        Map<String, List<LineItem>> linesBySubheading = new LinkedHashMap<>();
        for (LineItem line : cart.lines()) {
            if (line.hsCode() == null) {
                quote.notice("[EU-DUTY-FLAT-3] Line " + line.lineId() + " has no HS code: its customs duty is NOT"
                        + " computed.");
            } else {
                linesBySubheading
                        .computeIfAbsent(line.hsCode().subheading(), k -> new ArrayList<>())
                        .add(line);
            }
        }
        String currency = consignment.currencyCode();
        // The EUR amount converted once and rounded to the cart currency's minor units (HALF_UP):
        // it is charged, not just compared.
        Money perSubheading = Money.of(
                consignment
                        .settings()
                        .convert(
                                rule.extraAmount(),
                                rule.currency(),
                                currency,
                                cart.currency().getDefaultFractionDigits()),
                cart.currency(),
                RoundingMode.UNNECESSARY);
        for (Map.Entry<String, List<LineItem>> group : linesBySubheading.entrySet()) {
            List<LineItem> lines = group.getValue();
            Money dutiableValue = Money.zero(cart.currency());
            for (LineItem line : lines) {
                dutiableValue = dutiableValue.plus(line.netAmount());
            }
            LineItem first = lines.get(0);
            quote.duty(new Duty(
                    first.lineId(),
                    first.hsCode(),
                    dutiableValue,
                    perSubheading,
                    BigDecimal.ZERO,
                    "EU",
                    rule.id(),
                    fit("EU interim flat customs duty " + rule.currency() + " "
                            + rule.extraAmount().toPlainString() + " per distinct tariff subheading (" + group.getKey()
                            + ", " + lines.size() + " line(s)) on consignments ≤ " + rule.currency() + " "
                            + rule.threshold().toPlainString() + ", " + rule.dates()
                            + consignment.settings().describe(rule.currency(), currency)
                            + "; flat amount, rate not applicable; " + consignment.importChargesPayer()
                            + ". Scope per Commission guidance: all B2C consignments (data notes a conflict)."),
                    consignment.importChargesCollectedAt()));
        }
    }
}
