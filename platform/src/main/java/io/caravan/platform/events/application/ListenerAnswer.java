package io.caravan.platform.events.application;

/** What one attempt to hand an event to a listener came to. */
public sealed interface ListenerAnswer {
    /** The listener returned normally. */
    record Acknowledged() implements ListenerAnswer {}

    /** The listener answered that the event does not apply to it ({@code PluginRejectedException}). */
    record NotApplicable(String reason) implements ListenerAnswer {}

    /**
     * No acknowledgement: the listener threw, overran its deadline, or the invoker did not let the
     * call run (breaker open, bulkhead full, quarantine, not loadable, not installed here). Counts
     * as a failed attempt.
     */
    record Failed(String reason) implements ListenerAnswer {}
}
