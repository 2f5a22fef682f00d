package io.caravan.sandbox.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The plugin, during call {@code call}, uses something its context lends; the platform carries it
 * out for that call's installation, under its rules, and answers {@link CallbackResult}.
 *
 * @param call      the call this belongs to
 * @param sequence  the request's number within the worker
 * @param operation one of the operation constants of this record
 * @param arguments the operation's arguments, as JSON
 */
public record Callback(long call, long sequence, String operation, JsonNode arguments) {
    /** {@code {"key"}} → a {@code StoredValue} or null. */
    public static final String STORAGE_GET = "storage.get";
    /** {@code {"key","value","ttlMillis"?}} → the new version. */
    public static final String STORAGE_PUT = "storage.put";
    /** {@code {"key","expectedVersion","value","ttlMillis"?}} → the new version or null. */
    public static final String STORAGE_CAS = "storage.compareAndSet";
    /** {@code {"key"}} → whether it existed. */
    public static final String STORAGE_DELETE = "storage.delete";
    /** {@code {"prefix","limit"}} → the keys. */
    public static final String STORAGE_KEYS = "storage.keys";
    /** An {@code EgressRequest} → an {@code EgressResponse}. */
    public static final String HTTP_SEND = "http.send";
    /** {@code {"pointer"}} → the secret's value or null. */
    public static final String SECRET = "secret";
}
