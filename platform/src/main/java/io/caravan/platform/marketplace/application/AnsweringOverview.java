package io.caravan.platform.marketplace.application;

import java.util.List;

/**
 * Who answers a store's extension points: for each point its installations provide, the mode, the
 * rules with the installations they name, the candidates, and in words who answers what.
 */
public record AnsweringOverview(String store, List<PointView> points) {

    /**
     * One point.
     *
     * @param mode        {@code SINGLE} (one installation per call), {@code ROUTED} (payments,
     *                    carriers: every provider in the routing rules' order) or {@code EVERY}
     * @param whoAnswers  in words, one line per case (e.g. "CH: caravan-swiss-tax")
     */
    public record PointView(
            String point, String mode, List<RuleView> rules, List<Candidate> candidates, List<String> whoAnswers) {}

    /**
     * One rule, as stored.
     *
     * @param minAmountMinor inclusive
     * @param maxAmountMinor exclusive
     * @param installations  who answers, in priority (each with whether it can answer now)
     * @param vacated        why nobody answers the calls it covers, when the installation it named was withdrawn
     */
    public record RuleView(
            int position,
            List<String> countries,
            List<String> currencies,
            List<String> methodCodes,
            Long minAmountMinor,
            Long maxAmountMinor,
            List<Named> installations,
            String vacated) {}

    /** An installation a rule names; {@code canAnswer} false when it is disabled or no longer provides the point. */
    public record Named(String installationId, String pluginId, boolean canAnswer) {}

    /** An installation providing the point. */
    public record Candidate(String installationId, String pluginId, String version, String status) {}
}
