package io.caravan.sdk.plugin;

import io.caravan.sdk.internal.Checks;

/**
 * One extension point a plugin provides: the class implementing it and what to do when it fails.
 *
 * <p>The platform loads {@code className} from the plugin's bundle, creates one instance with its
 * public no-argument constructor the first time any store needs it, and shares that instance among
 * all stores that installed this plugin version, calling it from many threads at once. The class
 * must implement {@link ExtensionPoint#interfaceName()}. If it also implements
 * {@link AutoCloseable}, {@code close()} is called once when the bundle is unloaded.
 *
 * @param point         the extension point
 * @param className     the implementing class, a fully qualified binary name
 * @param failurePolicy what the platform does when a call fails
 */
public record Extension(ExtensionPoint point, String className, FailurePolicy failurePolicy) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is missing, the class name is not a
     *                                  qualified Java class name, or the point does not allow
     *                                  {@link FailurePolicy#FALLBACK} ({@link ExtensionPoint#allowsFallback()})
     */
    public Extension {
        Checks.required(point, "Extension.point");
        Checks.matches(
                className,
                "Extension.className",
                "(?:[A-Za-z_$][A-Za-z0-9_$]*\\.)+[A-Za-z_$][A-Za-z0-9_$]*",
                "a qualified Java class name");
        Checks.required(failurePolicy, "Extension.failurePolicy");
        if (failurePolicy == FailurePolicy.FALLBACK && !point.allowsFallback()) {
            throw new IllegalArgumentException("Extension.failurePolicy FALLBACK is not allowed for " + point
                    + ": a failed or timed-out call may have moved money or booked a shipment, so only the platform"
                    + " decides to try"
                    + " another provider, on a definite answer; declare FAIL_CLOSED");
        }
    }
}
