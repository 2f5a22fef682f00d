package io.caravan.platform.marketplace.api;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;

/** Replace an installation's configuration. */
public record ConfigureRequest(@NotNull JsonObject configuration) {}
