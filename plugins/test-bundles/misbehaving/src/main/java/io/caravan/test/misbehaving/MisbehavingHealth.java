package io.caravan.test.misbehaving;

import io.caravan.sdk.plugin.HealthReport;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginHealth;

/** Always {@code UP}, whatever the mode: only the tax calculator misbehaves. */
public final class MisbehavingHealth implements PluginHealth {

    /** Stateless. */
    public MisbehavingHealth() {}

    @Override
    public HealthReport check(PluginContext context) {
        return HealthReport.up();
    }
}
