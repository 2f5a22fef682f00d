package io.caravan.test.spinning;

import io.caravan.sdk.model.Cart;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.tax.TaxCalculator;
import io.caravan.sdk.tax.TaxQuote;

/** A tax calculator that never returns and ignores interrupts. */
public final class SpinningTaxCalculator implements TaxCalculator {
    /** Stateless. */
    public SpinningTaxCalculator() {}

    @Override
    public TaxQuote quote(PluginContext context, Cart cart) {
        while (SpinningHealth.spins >= 0) {
            SpinningHealth.spins++;
        }
        throw new IllegalStateException("unreachable");
    }
}
