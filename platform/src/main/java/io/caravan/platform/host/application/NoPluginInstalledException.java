package io.caravan.platform.host.application;

import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.sdk.plugin.ExtensionPoint;

/**
 * No enabled installation of the store answers the extension point for a call: none provides it, or
 * the store's answering rules name none for the call's facts (answered with 409).
 */
public class NoPluginInstalledException extends StateConflictException {
    public NoPluginInstalledException(String storeSlug, ExtensionPoint point) {
        super("store '" + storeSlug + "' has no enabled plugin providing " + point
                + (point.kind() == null
                        ? ""
                        : " (install a " + point.kind().name().toLowerCase() + " plugin)"));
    }

    /**
     * The store has providers of the point, but none answers this call.
     *
     * @param why what the store's answering rules say, for the reader of the 409
     */
    public NoPluginInstalledException(String storeSlug, ExtensionPoint point, String why) {
        super("no plugin of store '" + storeSlug + "' answers " + point + ": " + why);
    }
}
