package io.caravan.platform.host.application;

import io.caravan.sdk.plugin.PluginContext;

/** One call into an extension, run by the invoker on a plugin thread. */
@FunctionalInterface
public interface PluginCall<E, R> {
    R apply(E extension, PluginContext context) throws Exception;
}
