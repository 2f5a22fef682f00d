package io.caravan.sandbox.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to a {@link Callback}: a value, or the exception the operation threw on the
 * platform, which the worker throws to the plugin.
 *
 * @param sequence the request answered
 * @param value    the result (null on error, or when the result is null)
 * @param error    null on success; else one of the error constants of this record
 * @param message  the error's message
 */
public record CallbackResult(long sequence, JsonNode value, String error, String message) {
    /** {@code EgressDeniedException}. */
    public static final String EGRESS_DENIED = "egressDenied";
    /** {@code StorageLimitExceededException}. */
    public static final String STORAGE_LIMIT = "storageLimit";
    /** {@code IOException}. */
    public static final String IO = "io";
    /** {@code IllegalArgumentException}. */
    public static final String ILLEGAL_ARGUMENT = "illegalArgument";
    /** {@code IllegalStateException}. */
    public static final String ILLEGAL_STATE = "illegalState";
    /** {@code PluginUnavailableException} (and anything else the platform will not explain). */
    public static final String UNAVAILABLE = "unavailable";

    /**
     * A successful result.
     *
     * @param sequence the request answered
     * @param value    the result
     * @return the result message
     */
    public static CallbackResult ok(long sequence, JsonNode value) {
        return new CallbackResult(sequence, value, null, null);
    }

    /**
     * A failure.
     *
     * @param sequence the request answered
     * @param error    the error constant
     * @param message  its message
     * @return the result message
     */
    public static CallbackResult failed(long sequence, String error, String message) {
        return new CallbackResult(sequence, null, error, message);
    }
}
