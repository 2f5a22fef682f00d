package io.caravan.platform.marketplace.domain;

import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.PluginKind;

/**
 * How many of a store's installations answer one call of an extension point, and what the store's
 * rules for the point decide (docs/architecture.md, "Who answers").
 */
public enum AnsweringMode {
    /**
     * One installation answers each call (tax, membership, affiliate, returns): the store's rules
     * map destinations to an installation, with one default for the rest.
     */
    SINGLE,
    /**
     * Every enabled provider takes part (payments, carriers), in the order of the store's routing
     * rules: the first rule matching the call (country, currency, method, amount band) lists the
     * providers for it, in priority; with no matching rule, every provider in install order.
     */
    ROUTED,
    /** Every enabled provider is called (order events, health); the point takes no rules. */
    EVERY;

    /** The mode of a point, by its kind; a point added to the SDK later follows its kind. */
    public static AnsweringMode of(ExtensionPoint point) {
        PluginKind kind = point.kind();
        if (kind == null) {
            return EVERY;
        }
        return switch (kind) {
            case PAYMENTS, CARRIERS -> ROUTED;
            default -> SINGLE;
        };
    }
}
