package io.caravan.platform.commerce.application;

import io.caravan.platform.host.application.PluginHost;
import io.caravan.platform.host.application.PluginOutcome;
import io.caravan.platform.host.application.PluginPoint;
import io.caravan.platform.host.application.RoutingFacts;
import io.caravan.platform.tenancy.application.StoreContext;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.tax.TaxQuote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Checkout's tax step: the tax plugin the store's answering rules choose for the cart's destination quotes the cart through the invoker. No
 * transaction is held while the plugin runs. The quote is checked against the cart inside the call
 * ({@link TaxQuoteCheck}), so a wrong answer is the plugin's failure like an exception: counted in
 * its metrics and breaker and handled by its failure policy. Fail-closed failures surface as
 * {@code PluginFailedException}; a fail-open plugin's failure comes back as a skipped outcome. The
 * plugin gets the context sealed by the invoker ({@code SealedPluginContext}): no object of a platform class.
 */
@ApplicationScoped
public class TaxQuoting {
    @Inject
    PluginHost host;

    public PluginOutcome<TaxQuote> quote(StoreContext store, Cart cart, Locale locale) {
        // The store's answering rules choose the tax plugin by where the goods go (e.g. a Swiss-only
        // plugin for CH, the general one elsewhere).
        RoutingFacts facts = new RoutingFacts(cart.shipTo().country(), cart.currency(), null, null);
        return host.call(
                store.ref(),
                PluginPoint.TAX_CALCULATOR,
                facts,
                (calculator, context) -> TaxQuoteCheck.check(calculator.quote(context, cart), cart),
                null);
    }
}
