package io.caravan.platform.marketplace.api;

import io.caravan.platform.marketplace.application.AnsweringRuleInput;
import java.util.List;

/**
 * The complete list of a store's rules for one extension point, replacing the rules it had. For a
 * single-answer point (tax, membership, affiliate, returns) each rule names destination countries
 * (none: the default) and one {@code installationId}; for payments and carriers each rule may also
 * name currencies, method codes and an amount band (min inclusive, max exclusive, in minor units of
 * the named currencies) and lists {@code installationIds} in priority. An empty list removes every
 * rule.
 */
public record AnsweringRulesRequest(List<Rule> rules) {

    /** One rule; absent fields mean "any". */
    public record Rule(
            List<String> countries,
            List<String> currencies,
            List<String> methodCodes,
            Long minAmountMinor,
            Long maxAmountMinor,
            String installationId,
            List<String> installationIds) {
        AnsweringRuleInput input() {
            return new AnsweringRuleInput(
                    countries,
                    currencies,
                    methodCodes,
                    minAmountMinor,
                    maxAmountMinor,
                    installationId,
                    installationIds);
        }
    }

    List<AnsweringRuleInput> inputs() {
        return rules == null
                ? null
                : rules.stream().map(r -> r == null ? null : r.input()).toList();
    }
}
