package io.caravan.platform.host.application;

/**
 * Where a loaded plugin version runs, which decides how {@link PluginInvoker} keeps its deadline.
 */
public enum Tier {
    /**
     * A certified version loaded in this JVM's Felix. Its calls run on the caller's thread; a
     * watchdog counts an overrun as a timeout at the deadline but cannot stop the code.
     */
    IN_PROCESS,
    /**
     * Runs in sandbox worker processes: the extensions are proxies that block on a worker and kill
     * it when the call overruns. Their calls are handed to a plugin thread and awaited with the deadline.
     */
    ISOLATED
}
