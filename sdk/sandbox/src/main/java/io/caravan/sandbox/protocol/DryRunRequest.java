package io.caravan.sandbox.protocol;

/**
 * Run the upload dry run of the runtime on a bundle, in a framework of the worker's own.
 *
 * @param bundle        the bundle's bytes
 * @param timeoutMillis how long loading and the health check may take together
 */
public record DryRunRequest(byte[] bundle, long timeoutMillis) {}
