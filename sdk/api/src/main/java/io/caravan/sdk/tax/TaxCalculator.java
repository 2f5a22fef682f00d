package io.caravan.sdk.tax;

import io.caravan.sdk.model.Cart;
import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code TAX_CALCULATOR}: the taxes and duties due on a cart.
 *
 * <p>Called for every checkout quote and again when the order is placed, so it is on the shopper's
 * path: answer from data in the bundle or in plugin storage where possible.
 * <ul>
 *   <li><b>Deadline:</b> 1 s by default; aim for under 50 ms without egress. Past the deadline the
 *       declared failure policy applies (tax plugins usually declare {@code FAIL_CLOSED}: a
 *       checkout with a guessed tax is worse than none).</li>
 *   <li><b>Idempotency:</b> a pure computation: the same cart, configuration and order date must
 *       give the same quote, and quoting must change nothing (no storage writes that affect later
 *       quotes, no provider-side records).</li>
 *   <li><b>State:</b> implementations must be stateless (no per-store fields: the store arrives in
 *       the context, and one instance serves every store) and thread-safe. Immutable data shared
 *       by every store, such as rate tables read from the bundle, may be kept in final fields.</li>
 *   <li><b>Refusals:</b> throw {@link io.caravan.sdk.plugin.PluginRejectedException} when the store
 *       cannot sell to the destination (e.g. {@code "destination_not_served"}).</li>
 * </ul>
 */
@ConsumerType
public interface TaxCalculator {

    /**
     * Quotes the taxes and duties on a cart.
     *
     * @param context the per-call context (the store's registrations are in its configuration)
     * @param cart    the cart, its prices including or excluding tax as {@link Cart#prices()} says
     * @return the quote, in the cart's currency, with one or more tax lines for every taxable cart
     *         line, the shipping taxes, and the duties
     */
    TaxQuote quote(PluginContext context, Cart cart);
}
