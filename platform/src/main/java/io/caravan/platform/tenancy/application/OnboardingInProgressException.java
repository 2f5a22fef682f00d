package io.caravan.platform.tenancy.application;

import io.caravan.platform.tenancy.domain.StoreSlug;

/**
 * Another request is onboarding this slug right now (answered with 409): the caller retries in a
 * few seconds and then gets the store (identical request) or a conflict (a different one).
 */
public class OnboardingInProgressException extends RuntimeException {
    public OnboardingInProgressException(StoreSlug slug) {
        super(
                "slug '" + slug + "' is being onboarded by another request right now; retry in a few seconds",
                null,
                false,
                false);
    }
}
