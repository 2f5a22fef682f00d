package io.caravan.platform.host.application;

/**
 * The plugin answered with a refusal ({@code PluginRejectedException}): a business answer such as
 * "this destination is not served", not a failure. No failure policy applies, the breaker counts it
 * as a success, and the caller shows the plugin's code and message (answered with 422).
 */
public class PluginRefusalException extends RuntimeException {
    private final String code;
    private final String pluginId;

    public PluginRefusalException(String pluginId, String code, String message) {
        super(message, null, false, false);
        this.code = code;
        this.pluginId = pluginId;
    }

    public String code() {
        return code;
    }

    public String pluginId() {
        return pluginId;
    }
}
