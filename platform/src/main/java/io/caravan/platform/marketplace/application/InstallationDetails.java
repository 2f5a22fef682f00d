package io.caravan.platform.marketplace.application;

import io.caravan.platform.marketplace.domain.Installation;
import io.caravan.platform.marketplace.domain.PluginRelease;

/**
 * An installation with the release it runs, the one it would roll back to (null if none), which
 * secret fields hold a value, and what it answers in its store.
 */
public record InstallationDetails(
        Installation installation,
        PluginRelease release,
        PluginRelease previous,
        java.util.Set<String> secretsSet,
        InstallationAnswers answering) {}
