package io.caravan.platform.marketplace.api;

import jakarta.validation.constraints.Size;

/** Why an installation is disabled (shown to the merchant). */
public record DisableRequest(@Size(max = 500) String reason) {}
