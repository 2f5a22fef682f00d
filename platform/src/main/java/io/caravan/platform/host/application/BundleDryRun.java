package io.caravan.platform.host.application;

import io.caravan.runtime.DryRunResult;

/**
 * Loads an uploaded bundle the way the host would, but in a framework of its own that is thrown
 * away afterwards (what it proves: {@link io.caravan.runtime.DryRun}): resolve, start, create every extension the descriptor names, and ask its
 * {@link io.caravan.sdk.plugin.ExtensionPoint#HEALTH} extension, if it has one, how it is. The last
 * of the marketplace's upload checks, run only on bundles that passed the others (it runs plugin
 * code). The node's own framework is never touched.
 */
public interface BundleDryRun {
    /**
     * @param bundle the bundle's bytes, already checked for archive safety, manifest and descriptor
     * @return how far the bundle got; never throws for a misbehaving bundle
     */
    DryRunResult run(byte[] bundle);
}
