package io.caravan.platform.marketplace.domain;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One of a store's rules for an extension point, as the resolver reads it: which calls it is for
 * (every condition that is set must hold; an empty set means any) and which installations answer
 * them, first choice first. An empty list of installations means nobody answers the calls the rule
 * covers (the installation it named was disabled or uninstalled; {@code vacated} says which and
 * when), so they never fall to another plugin until the merchant chooses.
 *
 * <p>The amount band is {@code minAmountMinor} inclusive to {@code maxAmountMinor} exclusive, in
 * minor units of the call's currency (so a band is only set together with currencies).
 *
 * @param countries       ISO 3166-1 alpha-2 destinations; empty = any destination
 * @param currencies      ISO 4217 codes; empty = any currency (routed points only)
 * @param methodCodes     payment method codes such as {@code pix}; empty = any method (routed points only)
 * @param minAmountMinor  lowest amount covered, inclusive; null = no lower bound
 * @param maxAmountMinor  amount from which the rule no longer applies, exclusive; null = no upper bound
 * @param installationIds who answers, in priority; exactly one for a single-answer point unless vacated
 * @param vacated         why the list is empty, in words; null when the merchant set it so
 */
public record AnswerRule(
        Set<String> countries,
        Set<String> currencies,
        Set<String> methodCodes,
        Long minAmountMinor,
        Long maxAmountMinor,
        List<String> installationIds,
        String vacated) {
    public AnswerRule {
        countries = Set.copyOf(Objects.requireNonNull(countries, "countries"));
        currencies = Set.copyOf(Objects.requireNonNull(currencies, "currencies"));
        methodCodes = Set.copyOf(Objects.requireNonNull(methodCodes, "methodCodes"));
        installationIds = List.copyOf(Objects.requireNonNull(installationIds, "installationIds"));
    }

    /** A rule for a single-answer point: these destinations (none = the default) answered by one installation. */
    public static AnswerRule single(Set<String> countries, String installationId) {
        return new AnswerRule(countries, Set.of(), Set.of(), null, null, List.of(installationId), null);
    }

    /** Whether the rule sets no condition at all: the default. */
    public boolean isDefault() {
        return countries.isEmpty()
                && currencies.isEmpty()
                && methodCodes.isEmpty()
                && minAmountMinor == null
                && maxAmountMinor == null;
    }

    /** Whether the rule names the installation. */
    public boolean names(String installationId) {
        return installationIds.contains(installationId);
    }

    /** The same rule without the installation; {@code why} is kept when that empties it. */
    public AnswerRule without(String installationId, String why) {
        List<String> rest = installationIds.stream()
                .filter(id -> !id.equals(installationId))
                .toList();
        return new AnswerRule(
                countries, currencies, methodCodes, minAmountMinor, maxAmountMinor, rest, rest.isEmpty() ? why : null);
    }

    /** The same conditions, answered by these installations. */
    public AnswerRule answeredBy(List<String> ids) {
        return new AnswerRule(countries, currencies, methodCodes, minAmountMinor, maxAmountMinor, ids, null);
    }

    /** A short form for the audit trail: {@code CH,LI/EUR/pix/[0,10000) -> a, b}. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(
                countries.isEmpty()
                        ? "*"
                        : String.join(",", countries.stream().sorted().toList()));
        if (!currencies.isEmpty()) {
            s.append('/').append(String.join(",", currencies.stream().sorted().toList()));
        }
        if (!methodCodes.isEmpty()) {
            s.append('/').append(String.join(",", methodCodes.stream().sorted().toList()));
        }
        if (minAmountMinor != null || maxAmountMinor != null) {
            s.append("/[")
                    .append(minAmountMinor == null ? "0" : minAmountMinor)
                    .append(',')
                    .append(maxAmountMinor == null ? "no limit" : maxAmountMinor)
                    .append(')');
        }
        s.append(" -> ").append(installationIds.isEmpty() ? "nobody" : String.join(", ", installationIds));
        return s.toString();
    }
}
