package io.caravan.platform.tenancy.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of POST /api/admin/stores/{store}/suspend: the reason is shown to the store's people. */
public record SuspendStoreRequest(@NotBlank @Size(max = 500) String reason) {}
