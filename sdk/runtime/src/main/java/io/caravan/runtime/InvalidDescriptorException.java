package io.caravan.runtime;

import io.caravan.sdk.plugin.PluginDescriptor;

/**
 * A plugin's {@code OSGI-INF/caravan-plugin.json} is malformed. The message starts with the file's
 * path and names the member at fault ({@code "OSGI-INF/caravan-plugin.json member \"extensions[0].point\" is ..."}),
 * so it can be shown to the plugin's author as it is.
 */
public class InvalidDescriptorException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the member; the file's path is prefixed
     */
    public InvalidDescriptorException(String message) {
        super(PluginDescriptor.RESOURCE_PATH + " " + message);
    }
}
