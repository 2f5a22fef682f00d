package io.caravan.platform.tenancy.application;

import io.caravan.platform.tenancy.domain.Store;

/** The onboarded store; {@code created} is false when an identical earlier request already did it. */
public record OnboardingResult(Store store, boolean created) {}
