package io.caravan.platform.host.application;

/** A plugin bundle could not be loaded on this node; the message says why, for operators and developers. */
public class PluginLoadException extends RuntimeException {
    public PluginLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
