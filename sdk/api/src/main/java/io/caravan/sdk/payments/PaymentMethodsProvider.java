package io.caravan.sdk.payments;

import io.caravan.sdk.model.Cart;
import io.caravan.sdk.plugin.PluginContext;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code PAYMENT_METHODS}: the methods this provider can offer for a checkout,
 * given its destination, currency and amount (cash on delivery only where the courier collects,
 * under its maximum; local wallets only in their markets).
 * <ul>
 *   <li><b>Deadline:</b> 800 ms by default; on the shopper's path. Prefer configuration and
 *       cached provider data (in plugin storage) over a provider call per checkout.</li>
 *   <li><b>Idempotency:</b> a read; must change nothing.</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface PaymentMethodsProvider {

    /**
     * The methods available for a cart.
     *
     * @param context the per-call context
     * @param cart    the cart at checkout
     * @return the methods, in the order the plugin recommends; empty if none applies; amounts in the
     *         cart's currency
     */
    List<PaymentMethod> availableMethods(PluginContext context, Cart cart);
}
