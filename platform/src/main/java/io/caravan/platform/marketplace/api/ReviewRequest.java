package io.caravan.platform.marketplace.api;

import io.caravan.platform.marketplace.domain.ReviewText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A store's rating and review of a plugin: 1 to 5 stars, an optional one-line title and an optional text. */
public record ReviewRequest(
        @NotNull @Min(1) @Max(5) Integer stars,
        @Size(max = ReviewText.MAX_TITLE) String title,
        @Size(max = ReviewText.MAX_BODY) String body) {}
