package io.caravan.platform.marketplace.application;

import java.util.List;

/**
 * One rule as a merchant sends it, before validation. Null means "not given".
 *
 * @param installationId  who answers, for a single-answer point
 * @param installationIds who answers in priority, for a payment or carrier point (may be empty: nobody)
 */
public record AnsweringRuleInput(
        List<String> countries,
        List<String> currencies,
        List<String> methodCodes,
        Long minAmountMinor,
        Long maxAmountMinor,
        String installationId,
        List<String> installationIds) {}
