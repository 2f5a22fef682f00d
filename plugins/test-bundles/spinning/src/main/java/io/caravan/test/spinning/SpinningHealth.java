package io.caravan.test.spinning;

import io.caravan.sdk.plugin.HealthReport;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginHealth;

/** A health check that never returns and ignores interrupts: only killing its process ends it. */
public final class SpinningHealth implements PluginHealth {
    /** Counts, so the loop is not optimised away. */
    public static volatile long spins;

    /** Stateless. */
    public SpinningHealth() {}

    @Override
    public HealthReport check(PluginContext context) {
        while (spins >= 0) {
            spins++;
        }
        return HealthReport.up();
    }
}
