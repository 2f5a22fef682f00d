package ${package};

import io.caravan.sdk.plugin.HealthReport;
import io.caravan.sdk.plugin.HealthStatus;
import io.caravan.sdk.plugin.PluginConfigurationException;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginHealth;
import java.math.BigDecimal;

/**
 * Extension point {@code HEALTH}: tells the merchant, on the installation page, whether the plugin
 * can work for their store, here whether a valid rate is configured. A plugin that talks to a
 * provider would also check that the provider answers and accepts the store's credentials.
 *
 * <p>Stateless and thread-safe like every extension: one instance serves every store. Never on a
 * checkout path, and it changes nothing.
 */
public final class FlatRateHealth implements PluginHealth {

    /** Creates the check; the platform calls this once per node. */
    public FlatRateHealth() {
    }

    /**
     * Checks the store's configuration.
     *
     * @param context the per-call context
     * @return {@link HealthStatus#UP} with the rate in force, or {@link HealthStatus#DOWN} saying
     *         what the merchant must fix
     */
    @Override
    public HealthReport check(PluginContext context) {
        try {
            BigDecimal rate = FlatRate.read(context.configuration());
            return new HealthReport(HealthStatus.UP, "Flat rate " + FlatRate.display(rate) + " on every line");
        } catch (PluginConfigurationException e) {
            return HealthReport.down(e.getMessage());
        }
    }
}
