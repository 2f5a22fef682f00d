package io.caravan.sdk.internal;

import io.caravan.sdk.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validation shared by the SDK's value types. Not exported: plugins never see this package, and it
 * may change in any release. Every failure is an {@link IllegalArgumentException} whose message
 * starts with the field it concerns ({@code "LineItem.quantity must be > 0, was 0"}), so a
 * plugin author reading a log knows which value to fix.
 */
public final class Checks {

    private Checks() {}

    /**
     * A required reference.
     *
     * @param <T>   the value's type
     * @param value the value
     * @param field the field name for the message, e.g. {@code "Cart.shipTo"}
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is null
     */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /**
     * A required text: not null, not blank, at most {@code maxLength} characters.
     *
     * @param value     the value
     * @param field     the field name for the message
     * @param maxLength the longest accepted value
     * @return {@code value}, unchanged
     * @throws IllegalArgumentException if the value is null, blank or too long
     */
    public static String text(String value, String field, int maxLength) {
        required(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(
                    field + " must be at most " + maxLength + " characters, was " + value.length());
        }
        return value;
    }

    /**
     * An optional text: null, or a text as {@link #text(String, String, int)} accepts it.
     *
     * @param value     the value, may be null
     * @param field     the field name for the message
     * @param maxLength the longest accepted value
     * @return {@code value}, unchanged
     * @throws IllegalArgumentException if the value is blank or too long
     */
    public static String optionalText(String value, String field, int maxLength) {
        return value == null ? null : text(value, field, maxLength);
    }

    /**
     * A text matching a pattern.
     *
     * @param value       the value
     * @param field       the field name for the message
     * @param pattern     the regular expression the whole value must match
     * @param description what the pattern means, for the message (e.g. "6 to 10 digits")
     * @return {@code value}, unchanged
     * @throws IllegalArgumentException if the value is null or does not match
     */
    public static String matches(String value, String field, String pattern, String description) {
        required(value, field);
        if (!value.matches(pattern)) {
            throw new IllegalArgumentException(field + " must be " + description + ", was \"" + value + "\"");
        }
        return value;
    }

    /**
     * A number greater than zero.
     *
     * @param value the value
     * @param field the field name for the message
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value <= 0}
     */
    public static long positive(long value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, was " + value);
        }
        return value;
    }

    /**
     * A number of zero or more.
     *
     * @param value the value
     * @param field the field name for the message
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value < 0}
     */
    public static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, was " + value);
        }
        return value;
    }

    /**
     * A rate or factor of zero or more.
     *
     * @param value the value
     * @param field the field name for the message
     * @return {@code value}
     * @throws IllegalArgumentException if the value is null or negative
     */
    public static BigDecimal nonNegative(BigDecimal value, String field) {
        required(value, field);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, was " + value.toPlainString());
        }
        return value;
    }

    /**
     * An amount of zero or more.
     *
     * @param value the amount
     * @param field the field name for the message
     * @return {@code value}
     * @throws IllegalArgumentException if the amount is null or negative
     */
    public static Money nonNegative(Money value, String field) {
        required(value, field);
        if (value.isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }

    /**
     * An amount greater than zero.
     *
     * @param value the amount
     * @param field the field name for the message
     * @return {@code value}
     * @throws IllegalArgumentException if the amount is null, zero or negative
     */
    public static Money positive(Money value, String field) {
        required(value, field);
        if (value.minorUnits() <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, was " + value);
        }
        return value;
    }

    /**
     * An amount of an expected currency.
     *
     * @param value    the amount; null passes (check presence separately)
     * @param currency the expected currency
     * @param field    the field name for the message
     * @return {@code value}
     * @throws IllegalArgumentException if the amount is in another currency
     */
    public static Money currency(Money value, Currency currency, String field) {
        if (value != null && !value.currency().equals(currency)) {
            throw new IllegalArgumentException(field + " must be in " + currency.getCurrencyCode() + ", was " + value);
        }
        return value;
    }

    /**
     * An immutable copy of a list with no null elements.
     *
     * @param <T>   the element type
     * @param value the list
     * @param field the field name for the message
     * @return an unmodifiable copy
     * @throws IllegalArgumentException if the list is null or holds null
     */
    public static <T> List<T> list(List<T> value, String field) {
        required(value, field);
        List<T> copy = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            copy.add(required(value.get(i), field + "[" + i + "]"));
        }
        return Collections.unmodifiableList(copy);
    }

    /**
     * An immutable, non-empty copy of a list with no null elements.
     *
     * @param <T>   the element type
     * @param value the list
     * @param field the field name for the message
     * @return an unmodifiable copy
     * @throws IllegalArgumentException if the list is null, empty or holds null
     */
    public static <T> List<T> nonEmptyList(List<T> value, String field) {
        List<T> copy = list(value, field);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return copy;
    }

    /**
     * An immutable copy of a set with no null elements, keeping the caller's iteration order.
     *
     * @param <T>   the element type
     * @param value the collection
     * @param field the field name for the message
     * @return an unmodifiable copy
     * @throws IllegalArgumentException if the collection is null or holds null
     */
    public static <T> Set<T> set(Collection<T> value, String field) {
        required(value, field);
        Set<T> copy = new LinkedHashSet<>();
        for (T element : value) {
            copy.add(required(element, field + " element"));
        }
        return Collections.unmodifiableSet(copy);
    }

    /**
     * An immutable copy of a map with no null keys or values, keeping the caller's iteration order.
     *
     * @param <K>   the key type
     * @param <V>   the value type
     * @param value the map
     * @param field the field name for the message
     * @return an unmodifiable copy
     * @throws IllegalArgumentException if the map is null or holds a null key or value
     */
    public static <K, V> Map<K, V> map(Map<K, V> value, String field) {
        required(value, field);
        Map<K, V> copy = new LinkedHashMap<>();
        for (Map.Entry<K, V> e : value.entrySet()) {
            copy.put(required(e.getKey(), field + " key"), required(e.getValue(), field + "[" + e.getKey() + "]"));
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * HTTP headers copied with lower-case names and immutable value lists.
     *
     * @param headers the headers; null means none
     * @param field   the field name for the message
     * @return an unmodifiable copy with lower-case names
     * @throws IllegalArgumentException if a name is blank or a value list holds null
     */
    public static Map<String, List<String>> headers(Map<String, List<String>> headers, String field) {
        if (headers == null) {
            return Map.of();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            String name = text(e.getKey(), field + " name", 256).toLowerCase(Locale.ROOT);
            List<String> values = list(e.getValue(), field + "[" + name + "]");
            copy.merge(name, values, (a, b) -> {
                List<String> both = new ArrayList<>(a);
                both.addAll(b);
                return Collections.unmodifiableList(both);
            });
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * A copy of a byte array; null becomes empty.
     *
     * @param value the bytes
     * @return a copy
     */
    public static byte[] bytes(byte[] value) {
        return value == null ? new byte[0] : value.clone();
    }
}
