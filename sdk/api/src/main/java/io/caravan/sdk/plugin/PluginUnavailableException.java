package io.caravan.sdk.plugin;

import java.time.Duration;

/**
 * A failure a retry may cure: the provider is down, rate-limits, or answered 5xx. The failure
 * policy applies to this call; background work (event delivery, notifications) is retried, no
 * sooner than {@link #retryAfter()} when given.
 */
public class PluginUnavailableException extends PluginException {

    private static final long serialVersionUID = 1L;

    /** How long to wait before retrying, or null. */
    private final Duration retryAfter;

    /**
     * A transient failure.
     *
     * @param message    what is unavailable; never a secret or personal data
     * @param retryAfter how long to wait before retrying (a provider's {@code Retry-After}), or null
     * @param cause      the underlying exception, or null
     */
    public PluginUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /**
     * How long to wait before retrying.
     *
     * @return the wait, or null when the plugin does not know
     */
    public Duration retryAfter() {
        return retryAfter;
    }
}
