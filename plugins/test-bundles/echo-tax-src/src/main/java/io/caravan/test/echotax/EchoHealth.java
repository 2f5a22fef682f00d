package io.caravan.test.echotax;

import io.caravan.sdk.plugin.HealthReport;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginHealth;

/** Always {@code UP}. */
public final class EchoHealth implements PluginHealth {

    /** Stateless. */
    public EchoHealth() {
    }

    @Override
    public HealthReport check(PluginContext context) {
        return HealthReport.up();
    }
}
