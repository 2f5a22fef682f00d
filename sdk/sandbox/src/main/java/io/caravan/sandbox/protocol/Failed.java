package io.caravan.sandbox.protocol;

/**
 * The plugin threw something other than a refusal.
 *
 * @param id        the call
 * @param exception the simple name of the exception's class
 * @param message   its message (may be null)
 */
public record Failed(long id, String exception, String message) {}
