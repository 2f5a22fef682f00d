package io.caravan.sdk.plugin;

/**
 * A failure only the merchant can fix: the configuration passed its schema but does not work (the
 * provider refuses the credentials, a registration number is unknown, a required setting for this
 * operation is missing). The failure policy applies, and the message is shown to the merchant on
 * the installation page.
 */
public class PluginConfigurationException extends PluginException {

    private static final long serialVersionUID = 1L;

    /**
     * A configuration problem.
     *
     * @param message what the merchant should change; never the secret itself
     */
    public PluginConfigurationException(String message) {
        super(message);
    }

    /**
     * A configuration problem with its cause.
     *
     * @param message what the merchant should change; never the secret itself
     * @param cause   the underlying exception
     */
    public PluginConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
