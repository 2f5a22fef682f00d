package io.caravan.archfixture.sdk;

import io.caravan.archfixture.platform.orders.domain.Order;

/** Wrong: the SDK knows the platform. */
public interface PluginApi {
    void onOrder(Order order);
}
