package io.caravan.test.snooping;

import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.DutyTreatment;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.tax.TaxCalculator;
import io.caravan.sdk.tax.TaxQuote;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers every quote with no tax and one notice per finding of {@link Snoop}; configuration
 * {@code paths} names files to try, and the secret {@code apiKey} is reported as set or not.
 */
public final class SnoopingTaxCalculator implements TaxCalculator {
    /** Stateless. */
    public SnoopingTaxCalculator() {}

    @Override
    public TaxQuote quote(PluginContext context, Cart cart) {
        List<String> notices = new ArrayList<>();
        for (String finding : Snoop.findings(context.configuration().strings("/paths"))) {
            notices.add(finding.length() > 500 ? finding.substring(0, 500) : finding);
        }
        notices.add("apiKey=" + (context.configuration().secret("/apiKey").isPresent() ? "set" : "unset"));
        notices.add("store=" + context.storeSlug());
        return new TaxQuote(
                cart.currency(), cart.prices(), DutyTreatment.DAP, List.of(), List.of(), List.of(), List.of(), notices);
    }
}
