package io.caravan.sdk.plugin;

/**
 * A business refusal: the plugin worked, and its answer is "no" (card declined, insufficient
 * points, outside the return window, address not served). Not a failure: it does not count against
 * the plugin's error rate or circuit breaker, is not retried, and the failure policy does not
 * apply. The message is shown to the shopper or merchant, in the context's locale.
 */
public class PluginRejectedException extends PluginException {

    private static final long serialVersionUID = 1L;

    /** The machine-readable reason. */
    private final String code;

    /**
     * A refusal.
     *
     * @param code    a stable, machine-readable reason in lower snake case, e.g. {@code "card_declined"},
     *                {@code "insufficient_points"}, {@code "return_window_closed"}
     * @param message the explanation for a person, in the context's locale; never a secret
     * @throws IllegalArgumentException if the code is not lower snake case or the message is blank
     */
    public PluginRejectedException(String code, String message) {
        super(requireMessage(message));
        if (code == null || !code.matches("[a-z][a-z0-9]*(?:_[a-z0-9]+)*") || code.length() > 64) {
            throw new IllegalArgumentException("PluginRejectedException.code must be lower snake case, was " + code);
        }
        this.code = code;
    }

    /**
     * The machine-readable reason, for the platform and the storefront to act on.
     *
     * @return e.g. {@code "card_declined"}
     */
    public String code() {
        return code;
    }

    private static String requireMessage(String message) {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("PluginRejectedException.message must not be blank");
        }
        return message;
    }
}
