package io.caravan.platform.commerce.api;

import io.caravan.platform.host.application.PluginOutcome;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.tax.Duty;
import io.caravan.sdk.tax.TaxLine;
import io.caravan.sdk.tax.TaxQuote;
import java.util.List;

/**
 * A tax quote as the storefront reads it: amounts in minor units of {@code currency}, each line
 * naming the rule applied, and who answered (the store's installation, its plugin and version) or why nobody did.
 *
 * @param status {@code QUOTED}; or {@code SKIPPED} when a fail-open plugin failed (taxes unknown,
 *               flagged in {@code failure})
 */
public record TaxQuoteView(
        String status,
        String installationId,
        String plugin,
        String pluginVersion,
        String failure,
        String currency,
        String prices,
        String dutyTreatment,
        List<LineView> lineTaxes,
        List<LineView> shippingTaxes,
        List<LineView> feeTaxes,
        List<DutyView> duties,
        List<String> notices,
        Totals totals) {

    public record LineView(
            String lineRef,
            long taxableAmount,
            long taxAmount,
            String rate,
            String jurisdiction,
            String ruleId,
            String explanation,
            String collectedAt) {
        static LineView of(TaxLine line) {
            return new LineView(
                    line.lineRef(),
                    line.taxableAmount().minorUnits(),
                    line.taxAmount().minorUnits(),
                    line.rate().toPlainString(),
                    line.jurisdiction(),
                    line.ruleId(),
                    line.explanation(),
                    line.collectedAt().name());
        }
    }

    public record DutyView(
            String lineRef,
            String hsCode,
            long dutiableValue,
            long amount,
            String rate,
            String jurisdiction,
            String ruleId,
            String explanation,
            String collectedAt) {
        static DutyView of(Duty duty) {
            return new DutyView(
                    duty.lineRef(),
                    duty.hsCode() == null ? null : duty.hsCode().code(),
                    duty.dutiableValue().minorUnits(),
                    duty.amount().minorUnits(),
                    duty.rate() == null ? null : duty.rate().toPlainString(),
                    duty.jurisdiction(),
                    duty.ruleId(),
                    duty.explanation(),
                    duty.collectedAt().name());
        }
    }

    /** Sums, in minor units: all taxes, the part collected at checkout, duties, and what the shopper pays on delivery. */
    public record Totals(
            long tax,
            long taxAtCheckout,
            long duties,
            long dutiesAtCheckout,
            long dueOnDelivery,
            long addedAtCheckout) {}

    static TaxQuoteView of(PluginOutcome<TaxQuote> outcome, String currency) {
        if (!outcome.answered()) {
            return new TaxQuoteView(
                    outcome.status().name(),
                    outcome.installationId(),
                    outcome.pluginId(),
                    outcome.version(),
                    outcome.failure().message(),
                    currency,
                    null,
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    null);
        }
        TaxQuote q = outcome.value();
        return new TaxQuoteView(
                "QUOTED",
                outcome.installationId(),
                outcome.pluginId(),
                outcome.version(),
                null,
                q.currency().getCurrencyCode(),
                q.prices().name(),
                q.dutyTreatment().name(),
                q.lineTaxes().stream().map(LineView::of).toList(),
                q.shippingTaxes().stream().map(LineView::of).toList(),
                q.feeTaxes().stream().map(LineView::of).toList(),
                q.duties().stream().map(DutyView::of).toList(),
                q.notices(),
                new Totals(
                        minor(q.totalTax()),
                        minor(q.taxAtCheckout()),
                        minor(q.totalDuties()),
                        minor(q.dutiesAtCheckout()),
                        minor(q.dueOnDelivery()),
                        minor(q.addedAtCheckout())));
    }

    private static long minor(Money money) {
        return money.minorUnits();
    }
}
