package io.caravan.sdk.plugin;

/**
 * The base of the exceptions a plugin call can end with, whoever throws them. The platform's
 * invoker tells two families apart:
 * <ul>
 *   <li>{@link PluginRejectedException}: a business refusal (card declined, return window over).
 *       The call worked; its answer is "no". Shown to the shopper or merchant, never counted as a
 *       failure, never retried, and the failure policy does not apply.</li>
 *   <li>Everything else (this class, its other subclasses, and any other exception or timeout): a
 *       failure. Counted against the plugin's error rate and circuit breaker, and handled by the
 *       extension point's {@link FailurePolicy}.</li>
 * </ul>
 * Throw the most precise subclass: {@link PluginUnavailableException} when a retry may succeed,
 * {@link PluginConfigurationException} when the merchant must change the configuration.
 */
public class PluginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure with a message for the plugin's developer and the platform operators.
     *
     * @param message what went wrong; never a secret or personal data
     */
    public PluginException(String message) {
        super(message);
    }

    /**
     * A failure with a message and its cause.
     *
     * @param message what went wrong; never a secret or personal data
     * @param cause   the underlying exception
     */
    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
