package io.caravan.platform.tenancy.api;

import io.caravan.platform.tenancy.domain.PriceDisplay;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of POST /api/admin/stores. */
public record OnboardStoreRequest(
        @NotBlank @Size(min = 3, max = 63) String slug,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Valid Owner owner,

        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code in capitals, e.g. EUR")
        String defaultCurrency,

        @NotEmpty @Size(max = 250) List<@NotBlank String> sellingCountries,
        @NotNull PriceDisplay priceDisplay) {

    /** The store's owner; an existing Keycloak user with this e-mail is linked, not duplicated. */
    public record Owner(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName) {}
}
