package io.caravan.test.snooping;

import io.caravan.sdk.plugin.HealthReport;
import io.caravan.sdk.plugin.HealthStatus;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginHealth;
import java.util.List;

/** Reports {@link Snoop}'s findings as its health detail (what an upload's dry run would see). */
public final class SnoopingHealth implements PluginHealth {
    /** Stateless. */
    public SnoopingHealth() {}

    @Override
    public HealthReport check(PluginContext context) {
        String detail = String.join("; ", Snoop.findings(List.of()));
        return new HealthReport(HealthStatus.DEGRADED, detail.length() > 500 ? detail.substring(0, 500) : detail);
    }
}
