/**
 * The sandbox worker process: {@link io.caravan.sandbox.worker.SandboxWorker} is its main class.
 * Everything a plugin's context lends inside the worker (storage, egress, secrets, the log) is a
 * request to the platform over the protocol; the worker itself holds nothing of the platform.
 */
package io.caravan.sandbox.worker;
