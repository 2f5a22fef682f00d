package io.caravan.platform.tenancy.api;

import io.caravan.platform.shared.api.CheckedBody;
import io.caravan.platform.shared.api.EmailAddress;
import io.caravan.platform.shared.domain.InvalidInputException.FieldIssue;
import io.caravan.platform.tenancy.domain.InvalidStoreException;
import io.caravan.platform.tenancy.domain.PriceDisplay;
import io.caravan.platform.tenancy.domain.StoreSettings;
import io.caravan.platform.tenancy.domain.StoreSlug;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/** Body of POST /api/admin/stores. */
public record OnboardStoreRequest(
        @NotBlank @Size(min = 3, max = 63) String slug,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Valid Owner owner,

        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code in capitals, e.g. EUR")
        String defaultCurrency,

        @NotEmpty @Size(max = 250) List<@NotBlank String> sellingCountries,
        @NotNull PriceDisplay priceDisplay)
        implements CheckedBody {

    /** The store's owner; an existing Keycloak user with this e-mail is linked, not duplicated. */
    public record Owner(
            @NotBlank @EmailAddress @Size(max = 254) String email,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName) {}

    /** The store rules onboarding would refuse one at a time: slug (format, reserved), currency, countries. */
    @Override
    public List<FieldIssue> fieldIssues() {
        List<FieldIssue> issues = new ArrayList<>();
        if (slug != null) {
            StoreSlug.problemForNewStore(slug).ifPresent(p -> issues.add(new FieldIssue("slug", p)));
        }
        if (defaultCurrency != null && defaultCurrency.matches("[A-Z]{3}")) {
            try {
                StoreSettings.currency(defaultCurrency);
            } catch (InvalidStoreException e) {
                issues.add(new FieldIssue("defaultCurrency", "is not an ISO 4217 currency"));
            }
        }
        if (sellingCountries != null) {
            for (int i = 0; i < sellingCountries.size(); i++) {
                String country = sellingCountries.get(i);
                if (country != null && !country.isBlank() && !StoreSettings.isCountry(country)) {
                    issues.add(new FieldIssue(
                            "sellingCountries[" + i + "]",
                            "'" + country + "' is not an ISO 3166-1 alpha-2 country code (e.g. DE, GB, BR)"));
                }
            }
        }
        return issues;
    }
}
