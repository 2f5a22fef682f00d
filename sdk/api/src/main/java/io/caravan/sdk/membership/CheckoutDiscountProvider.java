package io.caravan.sdk.membership;

import io.caravan.sdk.model.Cart;
import io.caravan.sdk.plugin.PluginContext;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code MEMBERSHIP_DISCOUNTS}: discounts a customer's membership gives on a cart
 * (the customer's tier is in {@link io.caravan.sdk.model.Customer#tier()}).
 * <ul>
 *   <li><b>Deadline:</b> 500 ms by default; on the shopper's path. Membership plugins usually
 *       declare {@code FAIL_OPEN}: the checkout goes on without the discount and the order is
 *       flagged.</li>
 *   <li><b>Idempotency:</b> a computation; offering a discount changes nothing (points are spent
 *       only by the platform, after {@link PointsProgramme#price}).</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface CheckoutDiscountProvider {

    /**
     * The discounts for a cart.
     *
     * @param context the per-call context
     * @param cart    the cart at checkout
     * @return the discounts, in the cart's currency; empty for none. The platform caps the sum at
     *         the cart's subtotal.
     */
    List<Discount> discounts(PluginContext context, Cart cart);
}
