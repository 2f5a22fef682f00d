package io.caravan.platform.commerce.application;

import io.caravan.platform.shared.domain.EmailAddresses;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a storefront asks for: lines by SKU and quantity (never prices: the platform prices from
 * its catalogue), the shopper, the delivery address, and the shopper's choices so far. Stored with
 * the checkout; the quote is always recomputed from it.
 *
 * @param shipping      per consignment id, the chosen shipping option id (may be empty)
 * @param paymentMethod the chosen payment method code, or null
 */
public record CheckoutRequest(
        Shopper shopper, ShipTo shipTo, List<LineRequest> lines, Map<String, String> shipping, String paymentMethod) {

    /** Most lines a checkout takes (more is refused with a clear error, never truncated). */
    public static final int MAX_LINES = 250;

    public static final int MAX_QUANTITY = 9_999;

    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-/]{0,63}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern TOKEN = Pattern.compile("[a-z][a-z0-9_]{1,31}");
    private static final Pattern OPTION = Pattern.compile("[A-Za-z0-9._:/\\-]{1,200}");

    /**
     * @param currency the currency the shopper wants to see totals in (display only; the store
     *                 charges in its own); null = the store's
     */
    public record Shopper(String email, String country, String locale, String currency) {}

    public record ShipTo(
            String name,
            List<String> lines,
            String city,
            String region,
            String postalCode,
            String country,
            String phone) {}

    public record LineRequest(String sku, Integer quantity) {}

    public CheckoutRequest {
        shipping = shipping == null ? Map.of() : new TreeMap<>(shipping);
        lines = lines == null ? null : List.copyOf(lines);
    }

    /** A copy with other shipping choices. */
    public CheckoutRequest withShipping(Map<String, String> choices) {
        return new CheckoutRequest(shopper, shipTo, lines, choices, paymentMethod);
    }

    /** A copy with another payment method. */
    public CheckoutRequest withPaymentMethod(String method) {
        return new CheckoutRequest(shopper, shipTo, lines, shipping, method);
    }

    /**
     * Checks every field and names every bad one at once.
     *
     * @param sellingCountries the store's selling countries (empty = anywhere)
     * @throws InvalidFieldsException listing every problem
     */
    public void validate(Set<String> sellingCountries) {
        InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
        if (shopper == null) {
            errors.add("shopper", "is required");
        } else {
            if (shopper.email() == null || !EmailAddresses.valid(shopper.email())) {
                errors.add(
                        "shopper.email", EmailAddresses.problem(shopper.email()).orElseThrow());
            }
            country(errors, "shopper.country", shopper.country());
            if (shopper.locale() != null) {
                try {
                    if (shopper.locale().length() > 35) {
                        throw new IllformedLocaleException("too long");
                    }
                    new Locale.Builder().setLanguageTag(shopper.locale());
                } catch (IllformedLocaleException e) {
                    errors.add("shopper.locale", "must be a BCP 47 language tag such as en-GB or zh-CN");
                }
            }
            if (shopper.currency() != null && !currencyKnown(shopper.currency())) {
                errors.add("shopper.currency", "must be an ISO 4217 code such as EUR");
            }
        }
        if (shipTo == null) {
            errors.add("shipTo", "is required");
        } else {
            text(errors, "shipTo.name", shipTo.name(), 200, true);
            if (shipTo.lines() == null
                    || shipTo.lines().isEmpty()
                    || shipTo.lines().size() > 3) {
                errors.add("shipTo.lines", "must have 1 to 3 address lines");
            } else {
                for (int i = 0; i < shipTo.lines().size(); i++) {
                    text(errors, "shipTo.lines[" + i + "]", shipTo.lines().get(i), 200, true);
                }
            }
            text(errors, "shipTo.city", shipTo.city(), 100, true);
            text(errors, "shipTo.region", shipTo.region(), 100, false);
            text(errors, "shipTo.postalCode", shipTo.postalCode(), 20, false);
            text(errors, "shipTo.phone", shipTo.phone(), 32, false);
            if (country(errors, "shipTo.country", shipTo.country())
                    && !sellingCountries.isEmpty()
                    && !sellingCountries.contains(shipTo.country())) {
                errors.add(
                        "shipTo.country",
                        "the store does not sell to " + shipTo.country() + " (it sells to "
                                + String.join(", ", new java.util.TreeSet<>(sellingCountries)) + ")");
            }
        }
        if (lines == null || lines.isEmpty()) {
            errors.add("lines", "must have at least one line");
        } else if (lines.size() > MAX_LINES) {
            errors.add("lines", "has " + lines.size() + " lines; a checkout takes at most " + MAX_LINES);
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < lines.size(); i++) {
                LineRequest line = lines.get(i);
                String at = "lines[" + i + "]";
                if (line == null) {
                    errors.add(at, "is required");
                    continue;
                }
                if (line.sku() == null || !SKU.matcher(line.sku()).matches()) {
                    errors.add(at + ".sku", "must be a SKU of 1 to 64 letters, digits and . _ - /");
                } else if (!seen.add(line.sku())) {
                    errors.add(at + ".sku", "repeats " + line.sku() + ": give each SKU once with its total quantity");
                }
                if (line.quantity() == null || line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                    errors.add(at + ".quantity", "must be a whole number from 1 to " + MAX_QUANTITY);
                }
            }
        }
        for (Map.Entry<String, String> choice : shipping.entrySet()) {
            if (choice.getKey() == null || !OPTION.matcher(choice.getKey()).matches()) {
                errors.add("shipping", "has a consignment id that is not one: " + String.valueOf(choice.getKey()));
            } else if (choice.getValue() == null
                    || !OPTION.matcher(choice.getValue()).matches()) {
                errors.add("shipping." + choice.getKey(), "must be an option id from the checkout's options");
            }
        }
        if (paymentMethod != null && !TOKEN.matcher(paymentMethod).matches()) {
            errors.add("paymentMethod", "must be a payment method code from the checkout, such as card or pix");
        }
        errors.throwIfAny();
    }

    /** The SKUs in request order. */
    public List<String> skus() {
        List<String> skus = new ArrayList<>();
        for (LineRequest line : lines) {
            skus.add(line.sku());
        }
        return skus;
    }

    private static boolean country(InvalidFieldsException.Collector errors, String field, String value) {
        if (value == null
                || !COUNTRY.matcher(value).matches()
                || !Set.of(Locale.getISOCountries()).contains(value)) {
            errors.add(field, "must be an ISO 3166-1 alpha-2 country code such as DE");
            return false;
        }
        return true;
    }

    private static void text(
            InvalidFieldsException.Collector errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, "is required");
            }
            return;
        }
        if (value.length() > max) {
            errors.add(field, "must be at most " + max + " characters, was " + value.length());
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            errors.add(field, "must not contain control characters");
        }
    }

    private static boolean currencyKnown(String code) {
        try {
            return code.length() == 3 && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
