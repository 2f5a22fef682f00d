package io.caravan.platform.marketplace.domain;

import io.caravan.platform.shared.domain.InvalidInputException;
import io.caravan.sdk.plugin.PluginKind;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a developer says about a listing, validated: every message names the field.
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
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> KINDS =
            Set.of(java.util.Arrays.stream(PluginKind.values()).map(Enum::name).toArray(String[]::new));

    public ListingDetails {
        name = text(name, "name", 100);
        summary = text(summary, "summary", 300);
        if (descriptions == null || descriptions.isEmpty()) {
            throw new InvalidInputException("descriptions needs at least one locale, e.g. {\"en\": \"...\"}");
        }
        Map<String, String> checked = new TreeMap<>();
        for (Map.Entry<String, String> e : descriptions.entrySet()) {
            String tag;
            try {
                tag = new Locale.Builder().setLanguageTag(e.getKey()).build().toLanguageTag();
            } catch (IllformedLocaleException | NullPointerException ex) {
                throw new InvalidInputException(
                        "descriptions: '" + e.getKey() + "' is not a BCP 47 language tag such as en or pt-BR");
            }
            checked.put(tag, text(e.getValue(), "descriptions." + tag, 10_000));
        }
        descriptions = Map.copyOf(checked);
        categories = List.copyOf(categories == null ? List.of() : categories);
        if (categories.size() > 5) {
            throw new InvalidInputException("categories: at most 5");
        }
        for (String c : categories) {
            if (c == null || !CATEGORY.matcher(c).matches()) {
                throw new InvalidInputException(
                        "categories: '" + c + "' must be a lower-case word (letters, digits, -)");
            }
        }
        if (kinds == null || kinds.isEmpty()) {
            throw new InvalidInputException("kinds needs at least one of " + KINDS);
        }
        for (String k : kinds) {
            if (!KINDS.contains(k)) {
                throw new InvalidInputException("kinds: '" + k + "' is not one of " + KINDS);
            }
        }
        kinds = List.copyOf(new java.util.TreeSet<>(kinds));
        if (countries == null || countries.isEmpty()) {
            throw new InvalidInputException("countries needs ISO 3166-1 alpha-2 codes, or [\"*\"] for every country");
        }
        if (!(countries.size() == 1 && "*".equals(countries.get(0)))) {
            for (String c : countries) {
                if (c == null || !COUNTRY.matcher(c).matches()) {
                    throw new InvalidInputException(
                            "countries: '" + c + "' is not an ISO 3166-1 alpha-2 code such as DE");
                }
            }
        }
        countries = List.copyOf(new java.util.TreeSet<>(countries));
        if (pricing == null) {
            throw new InvalidInputException("pricing is required (model FREE, ONE_TIME, SUBSCRIPTION or USAGE)");
        }
        if (supportEmail == null
                || supportEmail.length() > 320
                || !EMAIL.matcher(supportEmail).matches()) {
            throw new InvalidInputException("supportEmail must be an e-mail address");
        }
        if (supportUrl != null && (supportUrl.length() > 500 || !supportUrl.startsWith("https://"))) {
            throw new InvalidInputException("supportUrl must be an https:// URL of at most 500 characters");
        }
    }

    private static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field + " is required");
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException(field + " must be at most " + max + " characters");
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
