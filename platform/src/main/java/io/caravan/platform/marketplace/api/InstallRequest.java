package io.caravan.platform.marketplace.api;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotBlank;

/** Install a plugin for a store: its id, a version (default: the newest installable), the configuration. */
public record InstallRequest(@NotBlank String pluginId, String version, JsonObject configuration) {}
