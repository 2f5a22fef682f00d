package io.caravan.platform.commerce.application;

import io.caravan.platform.host.application.InstalledPlugin;
import io.caravan.platform.host.application.NoPluginInstalledException;
import io.caravan.platform.host.application.PluginHost;
import io.caravan.platform.host.application.PluginOutcome;
import io.caravan.platform.tenancy.application.StoreContext;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.tax.TaxCalculator;
import io.caravan.sdk.tax.TaxQuote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Checkout's tax step: the store's installed tax plugin quotes the cart through the invoker. No
 * transaction is held while the plugin runs. Fail-closed failures surface as
 * {@code PluginFailedException}; a fail-open plugin's failure comes back as a skipped outcome.
 */
@ApplicationScoped
public class TaxQuoting {
    @Inject
    PluginHost host;

    /**
     * Benchmark baseline only ({@code caravan.bench.direct-calls=true}): the same extension instance
     * the invoker would call, called on the request thread without the invoker (no deadline, no
     * bulkhead, no breaker, no metrics). Never enabled in production.
     */
    public TaxQuote quoteDirectly(StoreContext store, Cart cart) {
        InstalledPlugin installed = host.invoker().directory()
                .providers(store.storeId(), store.slug(), ExtensionPoint.TAX_CALCULATOR).stream().findFirst()
                .orElseThrow(() -> new NoPluginInstalledException(store.slug(), ExtensionPoint.TAX_CALCULATOR));
        TaxCalculator calculator = (TaxCalculator) host.runtime().loaded(installed.artifact())
                .extension(ExtensionPoint.TAX_CALCULATOR).orElseThrow();
        return calculator.quote(host.invoker().contextFor(installed, ExtensionPoint.TAX_CALCULATOR, Locale.ROOT), cart);
    }

    public PluginOutcome<TaxQuote> quote(StoreContext store, Cart cart, Locale locale) {
        return host.invoker().invoke(store.storeId(), store.slug(), ExtensionPoint.TAX_CALCULATOR, TaxCalculator.class,
                (calculator, context) -> calculator.quote(context, cart), null);
    }
}
