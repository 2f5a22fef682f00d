package io.caravan.platform.marketplace.application;

import io.caravan.platform.host.application.InstalledPlugin;
import io.caravan.platform.host.application.RoutingFacts;
import io.caravan.platform.marketplace.domain.AnswerRule;
import io.caravan.platform.marketplace.domain.AnsweringMode;
import io.caravan.sdk.plugin.ExtensionPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who answers one call: a store's rules for a point applied to the call's facts and the store's
 * enabled providers of the point. Pure (no I/O), so the directory runs it on every call from its
 * cache and the unit tests run it directly.
 *
 * <p>Rules with conditions are tried in their order and the first that matches decides; the rule
 * without conditions (the default) decides when none matches. A rule decides even when the
 * installations it names cannot answer (disabled, uninstalled, or no longer providing the point):
 * then nobody answers those calls, never another plugin by accident.
 *
 * <ul>
 *   <li>{@link AnsweringMode#SINGLE}: the decided rule's one installation, or nobody. No rule at
 *       all: nobody (installing made an installation the default, so this is a store whose merchant
 *       removed every rule, or whose answering installation was withdrawn).
 *   <li>{@link AnsweringMode#ROUTED}: the decided rule's installations in its order, those that
 *       are enabled providers; the list is exhaustive (a provider it does not name takes no part).
 *       No matching rule and no default: every provider, in install order. A call with no facts
 *       at all ({@link RoutingFacts#NONE}: capturing, voiding, refunding or resuming a payment an
 *       installation holds, a provider's notification) reaches every provider in install order, so
 *       the caller can pick the installation it needs whatever the rules for new sales say.
 *   <li>{@link AnsweringMode#EVERY}: every provider, in install order; rules are not consulted.
 * </ul>
 */
public final class AnsweringResolver {
    private AnsweringResolver() {}

    /**
     * The outcome for one call.
     *
     * @param answering  who answers, first choice first
     * @param whyNobody  when nobody answers although the store has providers: why, in words; null otherwise
     */
    public record Resolution(List<InstalledPlugin> answering, String whyNobody) {
        static Resolution of(List<InstalledPlugin> answering) {
            return new Resolution(List.copyOf(answering), null);
        }

        static Resolution nobody(String why) {
            return new Resolution(List.of(), why);
        }
    }

    /**
     * @param rules    the store's rules for the point, in their order
     * @param enabled  the store's enabled installations, in install order (any point)
     */
    public static Resolution resolve(
            ExtensionPoint point, List<AnswerRule> rules, List<InstalledPlugin> enabled, RoutingFacts facts) {
        List<InstalledPlugin> providers = enabled.stream()
                .filter(p -> p.artifact().descriptor().extension(point).isPresent())
                .toList();
        if (providers.isEmpty()) {
            return Resolution.of(List.of());
        }
        AnsweringMode mode = AnsweringMode.of(point);
        if (mode == AnsweringMode.EVERY) {
            return Resolution.of(providers);
        }
        if (mode == AnsweringMode.ROUTED && facts.equals(RoutingFacts.NONE)) {
            // a call about no sale at all (a follow-up on a payment an installation already holds,
            // a notification): routing rules choose providers for new sales, never who may finish one
            return Resolution.of(providers);
        }
        Optional<AnswerRule> decided = decide(mode, rules, facts);
        if (decided.isEmpty()) {
            if (mode == AnsweringMode.ROUTED) {
                return Resolution.of(providers);
            }
            return Resolution.nobody(
                    rules.isEmpty() ? "no installation is chosen to answer it" : uncovered(rules, facts));
        }
        AnswerRule rule = decided.get();
        if (rule.installationIds().isEmpty()) {
            return Resolution.nobody(describe(rule) + " answers nobody"
                    + (rule.vacated() == null ? " (the store set it so)" : ": " + rule.vacated()));
        }
        Map<String, InstalledPlugin> byId = providers.stream()
                .collect(Collectors.toMap(p -> p.installationId().value(), Function.identity()));
        List<InstalledPlugin> answering = new ArrayList<>();
        for (String id : mode == AnsweringMode.SINGLE ? rule.installationIds().subList(0, 1) : rule.installationIds()) {
            InstalledPlugin provider = byId.get(id);
            if (provider != null) {
                answering.add(provider);
            }
        }
        if (answering.isEmpty()) {
            return Resolution.nobody(describe(rule) + " names installation"
                    + (rule.installationIds().size() == 1 ? " " : "s ") + String.join(", ", rule.installationIds())
                    + ", which " + (rule.installationIds().size() == 1 ? "is" : "are")
                    + " not enabled or no longer provide"
                    + (rule.installationIds().size() == 1 ? "s" : "")
                    + " " + point);
        }
        return Resolution.of(answering);
    }

    /** The rule that decides a call: the first matching rule with conditions, else the default. */
    static Optional<AnswerRule> decide(AnsweringMode mode, List<AnswerRule> rules, RoutingFacts facts) {
        for (AnswerRule rule : rules) {
            if (!rule.isDefault() && matches(mode, rule, facts)) {
                return Optional.of(rule);
            }
        }
        return rules.stream().filter(AnswerRule::isDefault).findFirst();
    }

    /**
     * Whether a rule with conditions covers the call. Every condition set must hold, and a
     * condition on a fact the call does not give does not hold. The amount band is min inclusive,
     * max exclusive.
     */
    static boolean matches(AnsweringMode mode, AnswerRule rule, RoutingFacts facts) {
        if (!rule.countries().isEmpty()
                && (facts.destination() == null
                        || !rule.countries().contains(facts.destination().code()))) {
            return false;
        }
        if (mode == AnsweringMode.SINGLE) {
            return true; // single-answer rules choose by destination only
        }
        if (!rule.currencies().isEmpty()
                && (facts.currency() == null
                        || !rule.currencies().contains(facts.currency().getCurrencyCode()))) {
            return false;
        }
        if (!rule.methodCodes().isEmpty()
                && (facts.methodCode() == null || !rule.methodCodes().contains(facts.methodCode()))) {
            return false;
        }
        if (rule.minAmountMinor() != null || rule.maxAmountMinor() != null) {
            Long amount = facts.amountMinor();
            if (amount == null) {
                return false;
            }
            if (rule.minAmountMinor() != null && amount < rule.minAmountMinor()) {
                return false;
            }
            if (rule.maxAmountMinor() != null && amount >= rule.maxAmountMinor()) {
                return false;
            }
        }
        return true;
    }

    private static String uncovered(List<AnswerRule> rules, RoutingFacts facts) {
        String covered = rules.stream()
                .flatMap(r -> r.countries().stream())
                .sorted()
                .distinct()
                .collect(Collectors.joining(", "));
        return "the store's rules cover only " + covered + " and there is no default rule for "
                + (facts.destination() == null
                        ? "calls without a destination"
                        : facts.destination().code());
    }

    private static String describe(AnswerRule rule) {
        if (rule.isDefault()) {
            return "the default rule";
        }
        return "the rule for " + rule.summary().substring(0, rule.summary().indexOf(" -> "));
    }
}
