package io.caravan.platform.tenancy.application;

import io.caravan.platform.tenancy.domain.PriceDisplay;
import java.util.List;

/** Everything a platform admin gives to onboard a store. */
public record OnboardStoreCommand(
        String slug,
        String name,
        String ownerEmail,
        String ownerFirstName,
        String ownerLastName,
        String defaultCurrency,
        List<String> sellingCountries,
        PriceDisplay priceDisplay) {}
