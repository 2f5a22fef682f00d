package io.caravan.sandbox.protocol;

/**
 * Install, start and create the extensions of one bundle; a worker holds one bundle for its life.
 *
 * @param location the bundle location (unique per content)
 * @param bundle   the bundle's bytes
 */
public record Load(String location, byte[] bundle) {}
