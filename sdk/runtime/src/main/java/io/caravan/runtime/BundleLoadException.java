package io.caravan.runtime;

/**
 * A plugin bundle could not be loaded: it did not install or resolve, did not start, its
 * descriptor is missing, malformed or contradicts its manifest, or an extension could not be
 * created. The message says which, for the plugin's author and the platform's operators.
 */
public class BundleLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean resolutionFailure;

    /**
     * Creates the exception.
     *
     * @param message           what went wrong
     * @param cause             the underlying failure, or null
     * @param resolutionFailure whether the framework refused to resolve the bundle's imports
     */
    public BundleLoadException(String message, Throwable cause, boolean resolutionFailure) {
        super(message, cause);
        this.resolutionFailure = resolutionFailure;
    }

    /**
     * Whether the bundle failed to install or resolve (it imports something the SDK does not
     * export, or is not a bundle), as opposed to failing once resolved.
     *
     * @return true for an install or resolution failure
     */
    public boolean resolutionFailure() {
        return resolutionFailure;
    }
}
