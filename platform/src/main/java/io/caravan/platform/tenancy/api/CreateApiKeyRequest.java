package io.caravan.platform.tenancy.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of POST /api/stores/{store}/api-keys. Known scopes: storefront:read, tax:quote, catalog:read, checkout:write. */
public record CreateApiKeyRequest(
        @NotBlank @Size(max = 100) String name,
        @NotEmpty @Size(max = 20) List<@NotBlank String> scopes) {}
