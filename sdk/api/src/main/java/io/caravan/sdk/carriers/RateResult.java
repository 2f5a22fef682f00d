package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;
import java.util.List;

/**
 * A carrier's answer to a {@link RateRequest}: the quotes it can offer and, for what it cannot
 * ship, why. A consignment with neither a quote nor an exclusion is a bug the platform reports.
 *
 * @param quotes     the quotes, any number per consignment, in the request's currency
 * @param exclusions what cannot be shipped, and why
 */
public record RateResult(List<RateQuote> quotes, List<RateExclusion> exclusions) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a list is null or holds null
     */
    public RateResult {
        quotes = Checks.list(quotes, "RateResult.quotes");
        exclusions = Checks.list(exclusions, "RateResult.exclusions");
    }
}
