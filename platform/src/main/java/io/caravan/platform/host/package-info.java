/**
 * The plugin host: one embedded OSGi framework (Felix) per node that loads plugin bundles, the
 * invoker through which platform code calls a plugin (isolation, timeouts, bulkheads, circuit
 * breakers, quarantine, usage metering), and the services plugins get (storage, egress,
 * configuration). Its failures a client reads about (a plugin's refusal, a fail-closed failure) are
 * answered by {@code api.HostProblems}.
 *
 * <p>May use: {@code shared} and the SDK. It is the only context that knows Felix or OSGi; others call
 * plugins through its application package.
 */
package io.caravan.platform.host;
