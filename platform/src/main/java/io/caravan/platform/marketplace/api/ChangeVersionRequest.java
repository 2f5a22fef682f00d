package io.caravan.platform.marketplace.api;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotBlank;

/** Move an installation to another version; the configuration is kept unless a new one is given. */
public record ChangeVersionRequest(@NotBlank String version, JsonObject configuration) {}
