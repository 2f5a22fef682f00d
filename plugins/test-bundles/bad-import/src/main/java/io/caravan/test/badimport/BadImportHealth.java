package io.caravan.test.badimport;

import io.caravan.sdk.plugin.HealthReport;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginHealth;

/** Always {@code UP} (never reached: the bundle does not resolve). */
public final class BadImportHealth implements PluginHealth {

    /** Stateless. */
    public BadImportHealth() {}

    @Override
    public HealthReport check(PluginContext context) {
        return HealthReport.up();
    }
}
