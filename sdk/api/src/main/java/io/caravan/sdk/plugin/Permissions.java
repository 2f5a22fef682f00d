package io.caravan.sdk.plugin;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.OrderEventType;
import java.util.Set;

/**
 * What a plugin asks to be allowed, shown to the merchant before installing and enforced by the
 * platform.
 *
 * @param egressHosts the host names {@link EgressHttp} may reach, exact and lower case
 *                    ({@code "api.stripe.com"}); no wildcards, no IP addresses
 * @param events      the order events delivered to the plugin's {@code OrderEventListener}
 * @param data        the personal data the plugin may read beyond the defaults
 */
public record Permissions(Set<String> egressHosts, Set<OrderEventType> events, Set<DataScope> data) {

    private static final String HOST_NAME =
            "(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?";

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a set is null, holds null, or a host is not a lower-case DNS name
     */
    public Permissions {
        egressHosts = Checks.set(egressHosts, "Permissions.egressHosts");
        for (String host : egressHosts) {
            Checks.matches(
                    host,
                    "Permissions.egressHosts element",
                    HOST_NAME,
                    "a lower-case DNS host name without wildcard, port or IP address");
        }
        events = Checks.set(events, "Permissions.events");
        data = Checks.set(data, "Permissions.data");
    }

    /**
     * No egress, no events, no personal data beyond the defaults.
     *
     * @return empty permissions
     */
    public static Permissions none() {
        return new Permissions(Set.of(), Set.of(), Set.of());
    }
}
