package ${package};

import io.caravan.sdk.plugin.PluginConfiguration;
import io.caravan.sdk.plugin.PluginConfigurationException;
import java.math.BigDecimal;

/**
 * The store's flat tax rate, read from its configuration ({@code "ratePercent"}, a decimal string
 * such as {@code "19"} or {@code "7.5"}) on every call. Nothing is cached: the configuration is
 * per store, and the objects of a plugin are shared by every store.
 */
final class FlatRate {

    /** Where the rate is in the configuration (a JSON Pointer). */
    static final String POINTER = "/ratePercent";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private FlatRate() {
    }

    /**
     * Reads the rate.
     *
     * @param configuration the store's configuration of the plugin
     * @return the rate as a fraction: {@code 0.19} for {@code "19"}
     * @throws PluginConfigurationException if the rate is missing, not a number, or not between 0
     *                                      and 100; only the merchant can fix it, and the message
     *                                      tells them how
     */
    static BigDecimal read(PluginConfiguration configuration) {
        String text = configuration.string(POINTER).orElseThrow(() -> new PluginConfigurationException(
                "No tax rate set: enter ratePercent, e.g. \"19\" for 19 %"));
        BigDecimal percent;
        try {
            percent = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new PluginConfigurationException("ratePercent must be a number such as \"19\" or \"7.5\", was \""
                    + text + "\"", e);
        }
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new PluginConfigurationException("ratePercent must be between 0 and 100, was \"" + text + "\"");
        }
        return percent.movePointLeft(2);
    }

    /**
     * A rate as people write it.
     *
     * @param rate a fraction, e.g. {@code 0.075}
     * @return e.g. {@code "7.5 %"}
     */
    static String display(BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }
}
