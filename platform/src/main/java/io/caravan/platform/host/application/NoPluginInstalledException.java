package io.caravan.platform.host.application;

import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.sdk.plugin.ExtensionPoint;

/** The store has no enabled installation that provides the extension point (answered with 409). */
public class NoPluginInstalledException extends StateConflictException {
    public NoPluginInstalledException(String storeSlug, ExtensionPoint point) {
        super("store '" + storeSlug + "' has no enabled plugin providing " + point
                + (point.kind() == null
                        ? ""
                        : " (install a " + point.kind().name().toLowerCase() + " plugin)"));
    }
}
