package io.caravan.sandbox.protocol;

/**
 * A line of the plugin's log ({@code PluginLogger}); the platform tags and bounds it.
 *
 * @param call    the call it belongs to (0 outside a call)
 * @param level   DEBUG, INFO, WARN or ERROR
 * @param message the line
 */
public record Log(long call, String level, String message) {}
