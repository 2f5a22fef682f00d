package io.caravan.platform.marketplace.domain;

import io.caravan.platform.shared.domain.EmailAddresses;
import io.caravan.platform.shared.domain.InvalidInputException;
import io.caravan.platform.shared.domain.InvalidInputException.FieldIssue;
import io.caravan.sdk.plugin.PluginKind;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a developer says about a listing, validated: every field at fault is named, all in one
 * {@link InvalidInputException}.
 *
 * @param descriptions locale (BCP 47, e.g. {@code en}, {@code pt-BR}) → description; at least one
 * @param countries    ISO 3166-1 alpha-2 codes the plugin supports, or {@code ["*"]} for all
 */
public record ListingDetails(
        String name,
        String summary,
        Map<String, String> descriptions,
        List<String> categories,
        List<String> kinds,
        List<String> countries,
        Pricing pricing,
        String supportEmail,
        String supportUrl) {
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Set<String> KINDS =
            Set.of(java.util.Arrays.stream(PluginKind.values()).map(Enum::name).toArray(String[]::new));

    public ListingDetails {
        List<FieldIssue> issues = new ArrayList<>();
        name = text(name, "name", 100, issues);
        summary = text(summary, "summary", 300, issues);
        Map<String, String> checked = new TreeMap<>();
        if (descriptions == null || descriptions.isEmpty()) {
            issues.add(new FieldIssue("descriptions", "needs at least one locale, e.g. {\"en\": \"...\"}"));
        } else {
            for (Map.Entry<String, String> e : descriptions.entrySet()) {
                String tag;
                try {
                    tag = new Locale.Builder()
                            .setLanguageTag(e.getKey())
                            .build()
                            .toLanguageTag();
                } catch (IllformedLocaleException | NullPointerException ex) {
                    issues.add(new FieldIssue(
                            "descriptions[" + e.getKey() + "]",
                            "is not under a BCP 47 language tag such as en or pt-BR"));
                    continue;
                }
                String text = text(e.getValue(), "descriptions[" + e.getKey() + "]", 10_000, issues);
                if (text != null) {
                    checked.put(tag, text);
                }
            }
        }
        descriptions = Map.copyOf(checked);
        List<String> categoriesSent = categories == null ? List.of() : categories;
        if (categoriesSent.size() > 5) {
            issues.add(new FieldIssue("categories", "at most 5"));
        }
        for (int i = 0; i < categoriesSent.size(); i++) {
            String c = categoriesSent.get(i);
            if (c == null || !CATEGORY.matcher(c).matches()) {
                issues.add(new FieldIssue(
                        "categories[" + i + "]", "must be a lower-case word (letters, digits, -) of 2 to 40"));
            }
        }
        categories = categoriesSent.stream().filter(java.util.Objects::nonNull).toList();
        List<String> kindsSent = kinds == null ? List.of() : kinds;
        if (kindsSent.isEmpty()) {
            issues.add(new FieldIssue("kinds", "needs at least one of " + new java.util.TreeSet<>(KINDS)));
        }
        for (int i = 0; i < kindsSent.size(); i++) {
            if (!KINDS.contains(kindsSent.get(i))) {
                issues.add(new FieldIssue("kinds[" + i + "]", "is not one of " + new java.util.TreeSet<>(KINDS)));
            }
        }
        kinds = List.copyOf(new java.util.TreeSet<>(
                kindsSent.stream().filter(java.util.Objects::nonNull).toList()));
        List<String> countriesSent = countries == null ? List.of() : countries;
        if (countriesSent.isEmpty()) {
            issues.add(new FieldIssue("countries", "needs ISO 3166-1 alpha-2 codes, or [\"*\"] for every country"));
        } else if (!(countriesSent.size() == 1 && "*".equals(countriesSent.get(0)))) {
            for (int i = 0; i < countriesSent.size(); i++) {
                String c = countriesSent.get(i);
                if (c == null || !COUNTRY.matcher(c).matches()) {
                    issues.add(new FieldIssue("countries[" + i + "]", "is not an ISO 3166-1 alpha-2 code such as DE"));
                }
            }
        }
        countries = List.copyOf(new java.util.TreeSet<>(
                countriesSent.stream().filter(java.util.Objects::nonNull).toList()));
        if (pricing == null) {
            issues.add(new FieldIssue("pricing", "is required (model FREE, ONE_TIME, SUBSCRIPTION or USAGE)"));
        }
        if (supportEmail == null) {
            issues.add(new FieldIssue("supportEmail", "must be an e-mail address"));
        } else {
            EmailAddresses.problem(supportEmail).ifPresent(p -> issues.add(new FieldIssue("supportEmail", p)));
        }
        if (supportUrl != null && (supportUrl.length() > 500 || !supportUrl.startsWith("https://"))) {
            issues.add(new FieldIssue("supportUrl", "must be an https:// URL of at most 500 characters"));
        }
        if (!issues.isEmpty()) {
            throw new InvalidInputException(issues);
        }
    }

    private static String text(String value, String field, int max, List<FieldIssue> issues) {
        if (value == null || value.isBlank()) {
            issues.add(new FieldIssue(field, "is required"));
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            issues.add(new FieldIssue(field, "must be at most " + max + " characters"));
        }
        return stripped;
    }

    /** The descriptions as a JSON object (stored as one column). */
    public String descriptionsJson() {
        jakarta.json.JsonObjectBuilder o = jakarta.json.Json.createObjectBuilder();
        descriptions.forEach(o::add);
        return o.build().toString();
    }
}
