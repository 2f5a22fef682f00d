package io.caravan.sdk.plugin;

/**
 * What the platform does when a call to an extension point fails: an exception other than
 * {@link PluginRejectedException}, a timeout past the deadline, an open circuit breaker, or a
 * quarantined version. Declared by the plugin per extension point in its descriptor; the
 * merchant sees it before installing.
 */
public enum FailurePolicy {
    /**
     * The step stops with a clear error (the checkout cannot complete). For answers that must not
     * be guessed: tax due, a payment authorization.
     */
    FAIL_CLOSED,
    /**
     * The step is skipped and flagged (for the merchant, and on the order). For optional
     * contributions: a loyalty discount, a referral attribution, a tracking refresh.
     */
    FAIL_OPEN,
    /**
     * The platform's default for the step, or the store's next provider of the same extension point
     * (a second payment provider, a flat shipping rate). Where no fallback exists, behaves as
     * {@link #FAIL_CLOSED}. Refused on the points that move money or book at a carrier
     * ({@link ExtensionPoint#allowsFallback()}): there the platform fails over only on a definite
     * decline or "not attempted" answer, never on a failure whose outcome is unknown.
     */
    FALLBACK
}
