package io.caravan.platform.marketplace.application;

import io.caravan.platform.marketplace.domain.AnswerRule;
import io.caravan.platform.marketplace.domain.AnsweringMode;
import io.caravan.platform.marketplace.domain.AnsweringRule;
import io.caravan.platform.marketplace.domain.AnsweringRuleRepository;
import io.caravan.platform.marketplace.domain.Installation;
import io.caravan.platform.marketplace.domain.InstallationRepository;
import io.caravan.platform.marketplace.domain.PluginReleaseRepository;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.tenancy.application.StoreContext;
import io.caravan.platform.tenancy.domain.Actor;
import io.caravan.platform.tenancy.domain.AuditEntry;
import io.caravan.platform.tenancy.domain.AuditLog;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.plugin.Extension;
import io.caravan.sdk.plugin.ExtensionPoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which installation answers a store's extension points (docs/architecture.md, "Who answers"): the
 * merchant's rules per point, and what installing, enabling, disabling, upgrading and uninstalling
 * do to them. The rule of rules: nothing but the merchant changes who answers a call that someone
 * answers. An installation becomes a point's default answer only when nobody answers the point at
 * all; a withdrawn installation leaves the calls it answered answered by nobody (the rule stays,
 * vacated, saying why) until the merchant chooses.
 *
 * <p>The installation hooks run inside the caller's transaction, so the rules change with the
 * installation or not at all; every change is audited, and reaches the directory after commit
 * through the caller's invalidation (the hooks' callers all invalidate the store's entry).
 */
@ApplicationScoped
public class AnsweringRules {
    /** The most rules a point may have. */
    public static final int MAX_RULES = 100;
    /** The most installations one routing rule may list. */
    public static final int MAX_INSTALLATIONS_PER_RULE = 20;

    private static final Pattern METHOD_CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    private static final Pattern INSTALLATION_ID = Pattern.compile("[0-9A-Za-z-]{1,64}");

    @Inject
    AnsweringRuleRepository rules;

    @Inject
    InstallationRepository installations;

    @Inject
    PluginReleaseRepository releases;

    @Inject
    ReleaseArtifacts artifacts;

    @Inject
    MarketplacePluginDirectory directory;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    // ---------------------------------------------------------------- the merchant's API

    /** Every point the store's installations provide (or that has rules), who answers and the rules. */
    @Transactional
    public AnsweringOverview overview(StoreContext store) {
        State state = state(store.storeId());
        Set<ExtensionPoint> points = EnumSet.noneOf(ExtensionPoint.class);
        state.provided.values().forEach(points::addAll);
        points.addAll(state.rules.keySet());
        List<AnsweringOverview.PointView> views = new ArrayList<>();
        for (ExtensionPoint point : points) {
            views.add(pointView(state, point));
        }
        return new AnsweringOverview(store.slug(), views);
    }

    /** One point's view (after a change). */
    @Transactional
    public AnsweringOverview.PointView point(StoreContext store, String pointName) {
        return pointView(state(store.storeId()), point(pointName));
    }

    /**
     * Replaces the store's rules for one point, audited with before and after. Refused as a whole,
     * naming every bad field, when any rule is invalid: an installation not of this store (as if it
     * did not exist), disabled, or not providing the point; bad country, currency or method codes;
     * a bad amount band; a second default; more than {@value #MAX_RULES} rules.
     */
    @Transactional
    public AnsweringOverview.PointView replace(StoreContext store, String pointName, List<AnsweringRuleInput> input) {
        ExtensionPoint point = point(pointName);
        State state = state(store.storeId());
        List<AnswerRule> valid = validate(state, point, input);
        List<AnswerRule> before = state.rules(point);
        rules.replace(store.storeId(), point.name(), valid, clock.instant());
        record(
                store.storeId(),
                store.actor(),
                "answering.rules-replaced",
                point.name(),
                "before: " + summaries(state, before) + "; after: " + summaries(state, valid));
        state.rules.put(point, valid);
        directory.invalidateAfterCompletion(store.storeId());
        return pointView(state, point);
    }

    // ---------------------------------------------------------------- installation hooks

    /**
     * After an installation was installed, enabled, upgraded or rolled back: every single-answer
     * point it provides that nobody answers at all gets it as the default (audited "answers P by
     * default because nothing did"); rules of points its version no longer provides stop naming it.
     * Runs in the caller's transaction.
     */
    public void installationChanged(String storeId, Actor actor, Installation installation) {
        State state = state(storeId);
        Set<ExtensionPoint> provided =
                installation.isEnabled() ? state.provided.getOrDefault(installation.id(), Set.of()) : Set.of();
        for (ExtensionPoint point : new ArrayList<>(state.rules.keySet())) {
            if (!provided.contains(point)) {
                vacate(
                        state,
                        storeId,
                        actor,
                        point,
                        installation,
                        installation.pluginId() + " (installation " + installation.id() + ") no longer provides "
                                + point + " since " + clock.instant());
            }
        }
        for (ExtensionPoint point : provided) {
            if (AnsweringMode.of(point) != AnsweringMode.SINGLE || answered(state.rules(point))) {
                continue;
            }
            List<AnswerRule> current = new ArrayList<>(state.rules(point));
            Optional<AnswerRule> vacatedDefault =
                    current.stream().filter(AnswerRule::isDefault).findFirst();
            if (vacatedDefault.isPresent()) {
                current.set(current.indexOf(vacatedDefault.get()), AnswerRule.single(Set.of(), installation.id()));
            } else {
                current.add(AnswerRule.single(Set.of(), installation.id()));
            }
            rules.replace(storeId, point.name(), current, clock.instant());
            state.rules.put(point, current);
            record(
                    storeId,
                    actor,
                    "answering.default-set",
                    point.name(),
                    installation.pluginId() + " answers " + point + " by default because nothing did");
        }
    }

    /**
     * Before an installation is disabled or uninstalled: every rule naming it stops naming it; a rule
     * left with nobody stays, vacated with {@code why}, so the calls it covers answer nobody (never
     * silently another plugin) until the merchant chooses. Runs in the caller's transaction.
     *
     * @return for each point whose rules named it, the calls it answered, e.g. "TAX_CALCULATOR for CH"
     *     (those that now answer nobody) or "PAYMENT_AUTHORIZER for BR / BRL / pix (the next provider
     *     of the rule answers)"
     */
    public List<String> withdrawn(String storeId, Actor actor, Installation installation, String why) {
        State state = state(storeId);
        List<String> changed = new ArrayList<>();
        for (ExtensionPoint point : new ArrayList<>(state.rules.keySet())) {
            List<String> calls = new ArrayList<>();
            for (AnswerRule rule : state.rules(point)) {
                if (rule.names(installation.id())) {
                    String covered = rule.isDefault() ? "by default" : "for " + conditions(rule);
                    calls.add(
                            rule.installationIds().size() == 1
                                    ? covered
                                    : covered + " (the rule's next provider answers)");
                }
            }
            if (vacate(state, storeId, actor, point, installation, why)) {
                changed.add(point + " " + String.join("; ", calls));
            }
        }
        return changed;
    }

    /**
     * The development loop: a build from the dev folder answers its single-answer points in the dev
     * stores by default, replacing the default rule (the operator asked for it with
     * {@code caravan.plugins.dev-stores}), audited.
     */
    public void answerByDefault(String storeId, Actor actor, Installation installation, String why) {
        State state = state(storeId);
        for (ExtensionPoint point : state.provided.getOrDefault(installation.id(), Set.of())) {
            if (AnsweringMode.of(point) != AnsweringMode.SINGLE) {
                continue;
            }
            List<AnswerRule> current = new ArrayList<>(state.rules(point));
            int index = indexOfDefault(current);
            AnswerRule answer = AnswerRule.single(Set.of(), installation.id());
            if (index >= 0 && current.get(index).equals(answer)) {
                continue;
            }
            List<AnswerRule> before = List.copyOf(current);
            if (index >= 0) {
                current.set(index, answer);
            } else {
                current.add(answer);
            }
            rules.replace(storeId, point.name(), current, clock.instant());
            state.rules.put(point, current);
            record(
                    storeId,
                    actor,
                    "answering.default-set",
                    point.name(),
                    installation.pluginId() + " answers " + point + " by default: " + why + "; before: "
                            + summaries(state, before));
        }
    }

    /** What an installation answers in its store (for the installation's view). */
    public InstallationAnswers answers(String storeId, String storeSlug, Installation installation) {
        State state = state(storeId);
        Set<ExtensionPoint> provided = state.provided.getOrDefault(installation.id(), Set.of());
        List<InstallationAnswers.Answer> answers = new ArrayList<>();
        List<InstallationAnswers.NotAnswering> not = new ArrayList<>();
        for (ExtensionPoint point : provided) {
            if (!installation.isEnabled()) {
                not.add(new InstallationAnswers.NotAnswering(point.name(), "the installation is disabled"));
                continue;
            }
            AnsweringMode mode = AnsweringMode.of(point);
            List<AnswerRule> pointRules = state.rules(point);
            if (mode == AnsweringMode.EVERY) {
                answers.add(new InstallationAnswers.Answer(point.name(), "every call"));
                continue;
            }
            List<String> scopes = new ArrayList<>();
            for (AnswerRule rule : pointRules) {
                if (rule.names(installation.id())) {
                    scopes.add(scope(rule));
                }
            }
            if (mode == AnsweringMode.ROUTED && pointRules.stream().noneMatch(AnswerRule::isDefault)) {
                scopes.add(
                        pointRules.isEmpty()
                                ? "every call (the store has no routing rules for " + point + ")"
                                : "calls no routing rule covers (every provider takes part, in install order)");
            }
            if (scopes.isEmpty()) {
                not.add(new InstallationAnswers.NotAnswering(
                        point.name(),
                        point + " is answered " + whoAnswersByDefault(state, point)
                                + "; this installation answers nothing until the store's rules name it (PUT /api/stores/"
                                + storeSlug + "/answering/" + point + ")"));
            } else {
                answers.add(new InstallationAnswers.Answer(point.name(), String.join("; ", scopes)));
            }
        }
        return new InstallationAnswers(answers, not, List.of());
    }

    // ---------------------------------------------------------------- validation

    private List<AnswerRule> validate(State state, ExtensionPoint point, List<AnsweringRuleInput> input) {
        List<InvalidAnsweringRulesException.FieldError> errors = new ArrayList<>();
        AnsweringMode mode = AnsweringMode.of(point);
        if (mode == AnsweringMode.EVERY) {
            throw new InvalidAnsweringRulesException(List.of(new InvalidAnsweringRulesException.FieldError(
                    "point", point + " is answered by every enabled installation providing it; it takes no rules")));
        }
        if (input == null) {
            throw new InvalidAnsweringRulesException(List.of(new InvalidAnsweringRulesException.FieldError(
                    "rules", "is required (an empty list removes every rule)")));
        }
        if (input.size() > MAX_RULES) {
            throw new InvalidAnsweringRulesException(List.of(new InvalidAnsweringRulesException.FieldError(
                    "rules", "at most " + MAX_RULES + " rules, not " + input.size())));
        }
        List<AnswerRule> valid = new ArrayList<>();
        Map<String, Integer> countryRule = new HashMap<>();
        int defaultAt = -1;
        for (int i = 0; i < input.size(); i++) {
            String at = "rules[" + i + "]";
            AnsweringRuleInput rule = input.get(i);
            if (rule == null) {
                errors.add(new InvalidAnsweringRulesException.FieldError(at, "must be a rule, not null"));
                continue;
            }
            int errorsBefore = errors.size();
            Set<String> countries = countries(rule.countries(), at + ".countries", errors);
            Set<String> currencies = Set.of();
            Set<String> methods = Set.of();
            List<String> ids;
            if (mode == AnsweringMode.SINGLE) {
                notForSingle(
                        point, rule.currencies() != null && !rule.currencies().isEmpty(), at + ".currencies", errors);
                notForSingle(
                        point,
                        rule.methodCodes() != null && !rule.methodCodes().isEmpty(),
                        at + ".methodCodes",
                        errors);
                notForSingle(point, rule.minAmountMinor() != null, at + ".minAmountMinor", errors);
                notForSingle(point, rule.maxAmountMinor() != null, at + ".maxAmountMinor", errors);
                if (rule.installationIds() != null) {
                    errors.add(new InvalidAnsweringRulesException.FieldError(
                            at + ".installationIds",
                            point + " is answered by one installation per call: give installationId"));
                }
                if (rule.installationId() == null) {
                    errors.add(new InvalidAnsweringRulesException.FieldError(at + ".installationId", "is required"));
                    ids = List.of();
                } else {
                    ids = List.of(rule.installationId());
                    installation(state, point, rule.installationId(), at + ".installationId", errors);
                }
                for (String country : countries) {
                    Integer earlier = countryRule.putIfAbsent(country, i);
                    if (earlier != null) {
                        errors.add(new InvalidAnsweringRulesException.FieldError(
                                at + ".countries", country + " is already in rules[" + earlier + "]"));
                    }
                }
            } else {
                currencies = currencies(rule.currencies(), at + ".currencies", errors);
                methods = methodCodes(rule.methodCodes(), at + ".methodCodes", errors);
                band(rule, at, currencies, errors);
                if (rule.installationId() != null) {
                    errors.add(new InvalidAnsweringRulesException.FieldError(
                            at + ".installationId",
                            point + " routes to several installations in priority: give installationIds"));
                }
                if (rule.installationIds() == null) {
                    errors.add(new InvalidAnsweringRulesException.FieldError(
                            at + ".installationIds", "is required (an empty list: nobody answers these calls)"));
                    ids = List.of();
                } else if (rule.installationIds().size() > MAX_INSTALLATIONS_PER_RULE) {
                    errors.add(new InvalidAnsweringRulesException.FieldError(
                            at + ".installationIds", "at most " + MAX_INSTALLATIONS_PER_RULE + " installations"));
                    ids = List.of();
                } else {
                    ids = rule.installationIds();
                    Set<String> seen = new LinkedHashSet<>();
                    for (int j = 0; j < ids.size(); j++) {
                        String field = at + ".installationIds[" + j + "]";
                        if (ids.get(j) == null) {
                            errors.add(new InvalidAnsweringRulesException.FieldError(field, "must not be null"));
                        } else if (!seen.add(ids.get(j))) {
                            errors.add(new InvalidAnsweringRulesException.FieldError(field, "is listed twice"));
                        } else {
                            installation(state, point, ids.get(j), field, errors);
                        }
                    }
                }
            }
            if (errors.size() > errorsBefore) {
                continue;
            }
            AnswerRule parsed = new AnswerRule(
                    countries, currencies, methods, rule.minAmountMinor(), rule.maxAmountMinor(), ids, null);
            if (parsed.isDefault()) {
                if (defaultAt >= 0) {
                    errors.add(new InvalidAnsweringRulesException.FieldError(
                            at, "a second default rule (no conditions): rules[" + defaultAt + "] is the default"));
                    continue;
                }
                defaultAt = i;
            }
            valid.add(parsed);
        }
        if (!errors.isEmpty()) {
            throw new InvalidAnsweringRulesException(errors);
        }
        return valid;
    }

    private static void notForSingle(
            ExtensionPoint point, boolean given, String field, List<InvalidAnsweringRulesException.FieldError> errors) {
        if (given) {
            errors.add(new InvalidAnsweringRulesException.FieldError(
                    field,
                    point + " chooses by destination only; currencies, methods and amounts route payments and"
                            + " carriers"));
        }
    }

    private static Set<String> countries(
            List<String> given, String field, List<InvalidAnsweringRulesException.FieldError> errors) {
        Set<String> result = new TreeSet<>();
        if (given == null) {
            return result;
        }
        for (int j = 0; j < given.size(); j++) {
            String code = given.get(j);
            try {
                result.add(CountryCode.of(code).code());
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.add(new InvalidAnsweringRulesException.FieldError(
                        field + "[" + j + "]",
                        "must be an ISO 3166-1 alpha-2 country code such as CH, not '" + code + "'"));
            }
        }
        return result;
    }

    private static Set<String> currencies(
            List<String> given, String field, List<InvalidAnsweringRulesException.FieldError> errors) {
        Set<String> result = new TreeSet<>();
        if (given == null) {
            return result;
        }
        for (int j = 0; j < given.size(); j++) {
            String code = given.get(j);
            boolean known = false;
            if (code != null && CURRENCY_CODE.matcher(code).matches()) {
                try {
                    Currency.getInstance(code);
                    known = true;
                } catch (IllegalArgumentException e) {
                    known = false;
                }
            }
            if (known) {
                result.add(code);
            } else {
                errors.add(new InvalidAnsweringRulesException.FieldError(
                        field + "[" + j + "]", "must be an ISO 4217 currency code such as BRL, not '" + code + "'"));
            }
        }
        return result;
    }

    private static Set<String> methodCodes(
            List<String> given, String field, List<InvalidAnsweringRulesException.FieldError> errors) {
        Set<String> result = new TreeSet<>();
        if (given == null) {
            return result;
        }
        for (int j = 0; j < given.size(); j++) {
            String code = given.get(j);
            if (code != null && METHOD_CODE.matcher(code).matches()) {
                result.add(code);
            } else {
                errors.add(new InvalidAnsweringRulesException.FieldError(
                        field + "[" + j + "]",
                        "must be a payment method code: lower-case letters, digits, '-' or '_', at most 40 (such as"
                                + " pix), not '" + code + "'"));
            }
        }
        return result;
    }

    private static void band(
            AnsweringRuleInput rule,
            String at,
            Set<String> currencies,
            List<InvalidAnsweringRulesException.FieldError> errors) {
        Long min = rule.minAmountMinor();
        Long max = rule.maxAmountMinor();
        if (min != null && min < 0) {
            errors.add(new InvalidAnsweringRulesException.FieldError(at + ".minAmountMinor", "must not be negative"));
        }
        if (max != null && max < 0) {
            errors.add(new InvalidAnsweringRulesException.FieldError(at + ".maxAmountMinor", "must not be negative"));
        }
        if (min != null && max != null && min >= max) {
            errors.add(new InvalidAnsweringRulesException.FieldError(
                    at + ".maxAmountMinor",
                    "must be above minAmountMinor (" + min + "): the band is min inclusive to max exclusive"));
        }
        if ((min != null || max != null)
                && (rule.currencies() == null || rule.currencies().isEmpty())) {
            errors.add(new InvalidAnsweringRulesException.FieldError(
                    at + ".currencies", "an amount band is in minor units of a currency: name the currencies"));
        }
    }

    /** Checks that an id names an enabled installation of this store providing the point. */
    private static void installation(
            State state,
            ExtensionPoint point,
            String id,
            String field,
            List<InvalidAnsweringRulesException.FieldError> errors) {
        Installation installation = INSTALLATION_ID.matcher(id).matches() ? state.byId.get(id) : null;
        if (installation == null) {
            // another store's installation reads exactly like one that does not exist
            errors.add(
                    new InvalidAnsweringRulesException.FieldError(field, "no installation '" + id + "' in this store"));
        } else if (!installation.isEnabled()) {
            errors.add(new InvalidAnsweringRulesException.FieldError(
                    field, installation.pluginId() + " (" + id + ") is disabled; enable it first"));
        } else if (!state.provided.getOrDefault(id, Set.of()).contains(point)) {
            errors.add(new InvalidAnsweringRulesException.FieldError(
                    field, installation.pluginId() + " (" + id + ") does not provide " + point));
        }
    }

    // ---------------------------------------------------------------- internals

    /** The store's installations, the points each provides and the rules, read in this transaction. */
    private static final class State {
        final Map<String, Installation> byId = new LinkedHashMap<>();
        final Map<String, Set<ExtensionPoint>> provided = new HashMap<>();
        final Map<ExtensionPoint, List<AnswerRule>> rules = new EnumMap<>(ExtensionPoint.class);

        List<AnswerRule> rules(ExtensionPoint point) {
            return rules.getOrDefault(point, List.of());
        }

        String pluginOf(String installationId) {
            Installation installation = byId.get(installationId);
            return installation == null ? installationId : installation.pluginId();
        }
    }

    private State state(String storeId) {
        State state = new State();
        List<Installation> all = new ArrayList<>(installations.list(storeId));
        all.sort(InstallationLookup.INSTALL_ORDER);
        for (Installation installation : all) {
            state.byId.put(installation.id(), installation);
            Set<ExtensionPoint> points = EnumSet.noneOf(ExtensionPoint.class);
            releases.findById(installation.releaseId())
                    .ifPresent(release -> artifacts.of(release).descriptor().extensions().stream()
                            .map(Extension::point)
                            .forEach(points::add));
            state.provided.put(installation.id(), points);
        }
        for (AnsweringRule rule : rules.list(storeId)) {
            InstallationLookup.pointOf(rule.point())
                    .ifPresent(point -> state.rules
                            .computeIfAbsent(point, p -> new ArrayList<>())
                            .add(rule.rule()));
        }
        return state;
    }

    /** Removes the installation from the point's rules; whether any rule named it. */
    private boolean vacate(
            State state, String storeId, Actor actor, ExtensionPoint point, Installation installation, String why) {
        List<AnswerRule> before = state.rules(point);
        if (before.stream().noneMatch(r -> r.names(installation.id()))) {
            return false;
        }
        List<AnswerRule> after = before.stream()
                .map(r -> r.names(installation.id()) ? r.without(installation.id(), why) : r)
                .toList();
        rules.replace(storeId, point.name(), after, clock.instant());
        String beforeText = summaries(state, before);
        state.rules.put(point, after);
        record(
                storeId,
                actor,
                "answering.rules-vacated",
                point.name(),
                installation.pluginId() + " no longer answers " + point + " (" + why
                        + "); the calls it answered answer nobody until the store chooses; before: " + beforeText
                        + "; after: " + summaries(state, after));
        return true;
    }

    private static boolean answered(List<AnswerRule> rules) {
        return rules.stream().anyMatch(r -> !r.installationIds().isEmpty());
    }

    private static int indexOfDefault(List<AnswerRule> rules) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).isDefault()) {
                return i;
            }
        }
        return -1;
    }

    private AnsweringOverview.PointView pointView(State state, ExtensionPoint point) {
        AnsweringMode mode = AnsweringMode.of(point);
        List<AnswerRule> pointRules = state.rules(point);
        List<AnsweringOverview.RuleView> ruleViews = new ArrayList<>();
        for (int i = 0; i < pointRules.size(); i++) {
            AnswerRule r = pointRules.get(i);
            ruleViews.add(new AnsweringOverview.RuleView(
                    i,
                    r.countries().stream().sorted().toList(),
                    r.currencies().stream().sorted().toList(),
                    r.methodCodes().stream().sorted().toList(),
                    r.minAmountMinor(),
                    r.maxAmountMinor(),
                    r.installationIds().stream()
                            .map(id -> new AnsweringOverview.Named(id, state.pluginOf(id), canAnswer(state, id, point)))
                            .toList(),
                    r.vacated()));
        }
        List<AnsweringOverview.Candidate> candidates = new ArrayList<>();
        for (Installation installation : state.byId.values()) {
            if (state.provided.getOrDefault(installation.id(), Set.of()).contains(point)) {
                String version = releases.findById(installation.releaseId())
                        .map(io.caravan.platform.marketplace.domain.PluginRelease::version)
                        .orElse(null);
                candidates.add(new AnsweringOverview.Candidate(
                        installation.id(),
                        installation.pluginId(),
                        version,
                        installation.status().name()));
            }
        }
        return new AnsweringOverview.PointView(
                point.name(), mode.name(), ruleViews, candidates, whoAnswers(state, point, mode, pointRules));
    }

    private static boolean canAnswer(State state, String installationId, ExtensionPoint point) {
        Installation installation = state.byId.get(installationId);
        return installation != null
                && installation.isEnabled()
                && state.provided.getOrDefault(installationId, Set.of()).contains(point);
    }

    private static List<String> whoAnswers(
            State state, ExtensionPoint point, AnsweringMode mode, List<AnswerRule> pointRules) {
        List<String> lines = new ArrayList<>();
        List<String> enabledProviders = state.byId.values().stream()
                .filter(i -> canAnswer(state, i.id(), point))
                .map(Installation::pluginId)
                .toList();
        if (mode == AnsweringMode.EVERY) {
            lines.add("every call: " + (enabledProviders.isEmpty() ? "nobody" : String.join(", ", enabledProviders)));
            return lines;
        }
        for (AnswerRule rule : pointRules) {
            if (!rule.isDefault()) {
                lines.add(conditions(rule) + ": " + answerers(state, rule, point));
            }
        }
        Optional<AnswerRule> fallback =
                pointRules.stream().filter(AnswerRule::isDefault).findFirst();
        String rest = pointRules.stream().anyMatch(r -> !r.isDefault()) ? "every other call" : "every call";
        if (fallback.isPresent()) {
            lines.add(rest + ": " + answerers(state, fallback.get(), point));
        } else if (mode == AnsweringMode.ROUTED) {
            lines.add(rest + ": every provider in install order ("
                    + (enabledProviders.isEmpty() ? "none enabled" : String.join(", ", enabledProviders)) + ")");
        } else {
            lines.add(rest + ": nobody (no default rule)");
        }
        return lines;
    }

    private String whoAnswersByDefault(State state, ExtensionPoint point) {
        List<AnswerRule> pointRules = state.rules(point);
        Optional<AnswerRule> fallback =
                pointRules.stream().filter(AnswerRule::isDefault).findFirst();
        String byDefault =
                fallback.map(r -> "by default by " + answerers(state, r, point)).orElse("by default by nobody");
        List<String> others = pointRules.stream()
                .filter(r -> !r.isDefault())
                .map(r -> conditions(r) + " by " + answerers(state, r, point))
                .toList();
        return others.isEmpty() ? byDefault : byDefault + ", " + String.join(", ", others);
    }

    private static String answerers(State state, AnswerRule rule, ExtensionPoint point) {
        if (rule.installationIds().isEmpty()) {
            return "nobody" + (rule.vacated() == null ? "" : " (" + rule.vacated() + ")");
        }
        return rule.installationIds().stream()
                .map(id -> state.pluginOf(id) + (canAnswer(state, id, point) ? "" : " (cannot answer now)"))
                .collect(Collectors.joining(", then "));
    }

    private static String conditions(AnswerRule rule) {
        List<String> parts = new ArrayList<>();
        if (!rule.countries().isEmpty()) {
            parts.add(String.join(", ", rule.countries().stream().sorted().toList()));
        }
        if (!rule.currencies().isEmpty()) {
            parts.add(String.join(", ", rule.currencies().stream().sorted().toList()));
        }
        if (!rule.methodCodes().isEmpty()) {
            parts.add(String.join(", ", rule.methodCodes().stream().sorted().toList()));
        }
        if (rule.minAmountMinor() != null || rule.maxAmountMinor() != null) {
            parts.add("amount in [" + (rule.minAmountMinor() == null ? 0 : rule.minAmountMinor()) + ", "
                    + (rule.maxAmountMinor() == null ? "no limit" : rule.maxAmountMinor()) + ")");
        }
        return String.join(" / ", parts);
    }

    private static String scope(AnswerRule rule) {
        return rule.isDefault() ? "by default (calls no other rule covers)" : "for " + conditions(rule);
    }

    private static String summaries(State state, List<AnswerRule> list) {
        return list.stream()
                .map(r -> {
                    String s = r.summary();
                    int arrow = s.indexOf(" -> ");
                    return s.substring(0, arrow) + " -> "
                            + (r.installationIds().isEmpty()
                                    ? "nobody"
                                    : r.installationIds().stream()
                                            .map(state::pluginOf)
                                            .collect(Collectors.joining(", ")));
                })
                .collect(Collectors.joining("; ", "[", "]"));
    }

    private static ExtensionPoint point(String name) {
        try {
            return ExtensionPoint.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFoundException("No extension point '" + name + "'.");
        }
    }

    /** Audits a change; the directory learns of it from the caller (the hooks' callers invalidate already). */
    private void record(String storeId, Actor actor, String action, String target, String detail) {
        audit.record(storeId, new AuditEntry(actor, action, target, detail, clock.instant()));
    }
}
