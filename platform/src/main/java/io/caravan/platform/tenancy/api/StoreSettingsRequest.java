package io.caravan.platform.tenancy.api;

import io.caravan.platform.tenancy.domain.PriceDisplay;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of PUT /api/stores/{store}/settings: the whole settings, replaced at once. */
public record StoreSettingsRequest(
        @NotBlank @Size(max = 200) String name,

        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code in capitals, e.g. EUR")
        String defaultCurrency,

        @NotEmpty @Size(max = 250) List<@NotBlank String> sellingCountries,
        @NotNull PriceDisplay priceDisplay) {}
