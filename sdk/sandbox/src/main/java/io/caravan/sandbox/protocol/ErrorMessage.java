package io.caravan.sandbox.protocol;

/**
 * The worker could not carry out a request (a bundle that does not load, a malformed message).
 *
 * @param message what went wrong
 */
public record ErrorMessage(String message) {}
