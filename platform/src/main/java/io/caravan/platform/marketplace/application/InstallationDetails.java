package io.caravan.platform.marketplace.application;

import io.caravan.platform.marketplace.domain.Installation;
import io.caravan.platform.marketplace.domain.PluginRelease;

/** An installation with the release it runs and the one it would roll back to (null if none). */
public record InstallationDetails(
        Installation installation, PluginRelease release, PluginRelease previous, java.util.Set<String> secretsSet) {}
