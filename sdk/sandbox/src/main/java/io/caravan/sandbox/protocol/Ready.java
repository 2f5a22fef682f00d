package io.caravan.sandbox.protocol;

/**
 * The worker is up and reads requests.
 *
 * @param protocol   the protocol version it speaks
 * @param sdkVersion the version of the SDK it exports to plugins
 */
public record Ready(int protocol, String sdkVersion) {}
