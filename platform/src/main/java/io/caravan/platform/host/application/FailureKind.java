package io.caravan.platform.host.application;

/** Why a plugin call produced no answer. */
public enum FailureKind {
    /** The plugin threw (anything but a refusal). */
    ERROR,
    /** No answer before the extension point's deadline. */
    TIMEOUT,
    /** The store's circuit breaker for this installation is open after repeated failures. */
    CIRCUIT_OPEN,
    /** The store already has as many calls to this installation in flight as it may. */
    BULKHEAD_FULL,
    /** The version is quarantined on this node after timing out for several stores. */
    QUARANTINED,
    /** The plugin could not be loaded, or the node has no thread to run it. */
    UNAVAILABLE
}
