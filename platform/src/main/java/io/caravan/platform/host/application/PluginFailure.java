package io.caravan.platform.host.application;

import io.caravan.sdk.plugin.ExtensionPoint;

/** What went wrong with one plugin call, in words a merchant and an operator can act on. */
public record PluginFailure(FailureKind kind, String pluginId, String version, ExtensionPoint point, String message) {
    public String describe() {
        return "plugin " + pluginId + " " + version + " (" + point + "): " + message;
    }
}
