package io.caravan.platform.tenancy.domain;

/** Another onboarding attempt holds the slug's claim. */
public class SlugClaimedException extends RuntimeException {
    public SlugClaimedException(StoreSlug slug) {
        super("slug '" + slug + "' is being onboarded by another request", null, false, false);
    }
}
