package io.caravan.platform.shared.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a parsed JSON document against the Java type it is about to be bound to, before JSON-B
 * sees it, and lists every value that does not fit — JSON-B (Yasson) would otherwise wrap a
 * number past a {@code long} ({@code 18446744073709551617} became 1), drop a fraction ({@code
 * 12.99} became 12), or fail on the first bad field only. What it refuses:
 *
 * <ul>
 *   <li>a number where a {@code byte}/{@code short}/{@code int}/{@code long} is expected that has a
 *       fraction or lies outside that type's range (never wrapped, truncated or rounded);
 *   <li>a value of the wrong JSON type (a string where a number is expected, a number where text
 *       is, an object where a list is, an unknown enum constant);
 *   <li>{@code null} inside a list or as a map value (no request has a use for one);
 *   <li>the NUL character in text or a map key (PostgreSQL text cannot hold it).
 * </ul>
 *
 * Each problem names the field by its path as the client wrote it ({@code lines[2].quantity}), in
 * the same form as Bean Validation's messages in {@link ProblemMapper}. The values at fault are
 * removed from the document ({@link Result#bindable()}) so the rest can still be bound and checked
 * against its constraints, and the client gets every invalid field in one answer. Types it does not
 * know (an {@code Instant}, a {@code UUID}, a {@code JsonObject}) are left to JSON-B.
 */
public final class JsonShape {
    private static final Map<Class<?>, List<Member>> MEMBERS = new ConcurrentHashMap<>();

    private JsonShape() {}

    /**
     * @param bindable the document without the values at fault
     * @param errors   every value at fault, in document order
     */
    public record Result(JsonValue bindable, List<Problem.FieldError> errors) {}

    private record Member(String json, Type type) {}

    /** Checks {@code value} against {@code type}. */
    public static Result check(JsonValue value, Type type) {
        List<Problem.FieldError> errors = new ArrayList<>();
        JsonValue kept = walk(value, type, "", errors);
        return new Result(kept == null ? JsonValue.NULL : kept, List.copyOf(errors));
    }

    /** The value to keep (itself, or a cleaned copy), or null when the value itself is at fault. */
    private static JsonValue walk(JsonValue value, Type type, String path, List<Problem.FieldError> errors) {
        Class<?> raw = raw(type);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            // A missing object value is Bean Validation's to judge (@NotNull); a primitive cannot be null.
            return raw != null && raw.isPrimitive() ? fault(path, "must not be null", errors) : value;
        }
        if (raw == null || raw == Object.class || JsonValue.class.isAssignableFrom(raw)) {
            return value;
        }
        if (raw == Optional.class) {
            return walk(value, argument(type, 0), path, errors);
        }
        IntegerRange range = IntegerRange.of(raw);
        if (range != null) {
            return integer(value, range, path, errors);
        }
        if (raw == BigDecimal.class
                || raw == Double.class
                || raw == double.class
                || raw == Float.class
                || raw == float.class
                || Number.class.isAssignableFrom(raw)) {
            return expect(value, JsonValue.ValueType.NUMBER, "must be a number", path, errors);
        }
        if (raw == String.class || raw == char.class || raw == Character.class) {
            if (value instanceof JsonString text && text.getString().indexOf('\u0000') >= 0) {
                // PostgreSQL text cannot hold NUL (the insert failed: 500); no name, reason or address needs one.
                return fault(path, "must not contain the NUL character (\\u0000)", errors);
            }
            return expect(value, JsonValue.ValueType.STRING, "must be a string", path, errors);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                return fault(path, "must be true or false", errors);
            }
            return value;
        }
        if (raw.isEnum()) {
            return constant(value, raw, path, errors);
        }
        if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            Type element = raw.isArray() ? elementOfArray(type, raw) : argument(type, 0);
            return list(value, element, path, errors);
        }
        if (Map.class.isAssignableFrom(raw)) {
            return map(value, argument(type, 1), path, errors);
        }
        if (raw.isRecord() || isBean(raw)) {
            return object(value, raw, path, errors);
        }
        return value;
    }

    private static JsonValue integer(
            JsonValue value, IntegerRange range, String path, List<Problem.FieldError> errors) {
        if (!(value instanceof JsonNumber number)) {
            return fault(path, range.message(), errors);
        }
        BigDecimal decimal = number.bigDecimalValue();
        // compareTo looks at the exponents first, so 1e1000000000 costs nothing here.
        if (decimal.compareTo(range.min) < 0 || decimal.compareTo(range.max) > 0) {
            return fault(path, range.message(), errors);
        }
        if (decimal.signum() != 0 && decimal.stripTrailingZeros().scale() > 0) {
            return fault(path, range.message(), errors);
        }
        return value;
    }

    private static JsonValue expect(
            JsonValue value,
            JsonValue.ValueType expected,
            String message,
            String path,
            List<Problem.FieldError> errors) {
        return value.getValueType() == expected ? value : fault(path, message, errors);
    }

    private static JsonValue constant(JsonValue value, Class<?> type, String path, List<Problem.FieldError> errors) {
        List<String> names = Arrays.stream(type.getEnumConstants())
                .map(c -> ((Enum<?>) c).name())
                .toList();
        if (value instanceof JsonString s && names.contains(s.getString())) {
            return value;
        }
        return fault(path, "must be one of " + names, errors);
    }

    private static JsonValue list(JsonValue value, Type element, String path, List<Problem.FieldError> errors) {
        if (!(value instanceof JsonArray array)) {
            return fault(path, "must be a list", errors);
        }
        JsonArrayBuilder kept = Json.createArrayBuilder();
        for (int i = 0; i < array.size(); i++) {
            String at = path + "[" + i + "]";
            JsonValue item = array.get(i);
            if (item.getValueType() == JsonValue.ValueType.NULL) {
                errors.add(new Problem.FieldError(at, "must not be null"));
                kept.addNull();
                continue;
            }
            JsonValue checked = walk(item, element, at, errors);
            if (checked == null) {
                kept.addNull();
            } else {
                kept.add(checked);
            }
        }
        return kept.build();
    }

    private static JsonValue map(JsonValue value, Type valueType, String path, List<Problem.FieldError> errors) {
        if (!(value instanceof JsonObject object)) {
            return fault(path, "must be an object", errors);
        }
        JsonObjectBuilder kept = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            String at = path + "[" + e.getKey().replace("\u0000", "\\u0000") + "]";
            if (e.getKey().indexOf('\u0000') >= 0) {
                errors.add(new Problem.FieldError(at, "must not contain the NUL character (\\u0000)"));
                continue;
            }
            if (e.getValue().getValueType() == JsonValue.ValueType.NULL) {
                errors.add(new Problem.FieldError(at, "must not be null"));
                continue;
            }
            JsonValue checked = walk(e.getValue(), valueType, at, errors);
            if (checked != null) {
                kept.add(e.getKey(), checked);
            }
        }
        return kept.build();
    }

    private static JsonValue object(JsonValue value, Class<?> type, String path, List<Problem.FieldError> errors) {
        if (!(value instanceof JsonObject object)) {
            return fault(path, "must be an object", errors);
        }
        Map<String, Type> members = new LinkedHashMap<>();
        for (Member m : members(type)) {
            members.put(m.json(), m.type());
        }
        JsonObjectBuilder kept = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            Type memberType = members.get(e.getKey());
            if (memberType == null) {
                kept.add(e.getKey(), e.getValue()); // unknown members are ignored by JSON-B
                continue;
            }
            String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonValue checked = walk(e.getValue(), memberType, at, errors);
            if (checked != null) {
                kept.add(e.getKey(), checked);
            }
        }
        return kept.build();
    }

    private static JsonValue fault(String path, String message, List<Problem.FieldError> errors) {
        errors.add(new Problem.FieldError(path.isEmpty() ? "body" : path, message));
        return null;
    }

    private static List<Member> members(Class<?> type) {
        return MEMBERS.computeIfAbsent(type, JsonShape::membersOf);
    }

    private static List<Member> membersOf(Class<?> type) {
        List<Member> members = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (!transientMember(c, c.getAccessor())) {
                    members.add(new Member(jsonName(c.getName(), c, c.getAccessor()), c.getGenericType()));
                }
            }
            return members;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (!Modifier.isStatic(mod) && !Modifier.isTransient(mod) && !transientMember(f)) {
                    members.add(new Member(jsonName(f.getName(), f), f.getGenericType()));
                }
            }
        }
        return members;
    }

    private static boolean transientMember(AnnotatedElement... elements) {
        for (AnnotatedElement e : elements) {
            if (e.isAnnotationPresent(JsonbTransient.class)) {
                return true;
            }
        }
        return false;
    }

    private static String jsonName(String name, AnnotatedElement... elements) {
        for (AnnotatedElement e : elements) {
            JsonbProperty property = e.getAnnotation(JsonbProperty.class);
            if (property != null && !property.value().isEmpty()) {
                return property.value();
            }
        }
        return name;
    }

    /** A class of the application's own, bound member by member (not a JDK or library value type). */
    private static boolean isBean(Class<?> raw) {
        return !raw.isPrimitive()
                && !raw.isInterface()
                && raw.getName().startsWith("io.caravan.")
                && !Modifier.isAbstract(raw.getModifiers());
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        if (type instanceof WildcardType w && w.getUpperBounds().length == 1) {
            return raw(w.getUpperBounds()[0]);
        }
        if (type instanceof GenericArrayType) {
            return Object[].class;
        }
        return null;
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private static Type elementOfArray(Type type, Class<?> raw) {
        if (type instanceof GenericArrayType g) {
            return g.getGenericComponentType();
        }
        return raw.getComponentType();
    }

    /** The whole numbers a Java integer type holds. */
    private record IntegerRange(BigDecimal min, BigDecimal max) {
        static IntegerRange of(Class<?> type) {
            if (type == long.class || type == Long.class) {
                return new IntegerRange(BigDecimal.valueOf(Long.MIN_VALUE), BigDecimal.valueOf(Long.MAX_VALUE));
            }
            if (type == int.class || type == Integer.class) {
                return new IntegerRange(BigDecimal.valueOf(Integer.MIN_VALUE), BigDecimal.valueOf(Integer.MAX_VALUE));
            }
            if (type == short.class || type == Short.class) {
                return new IntegerRange(BigDecimal.valueOf(Short.MIN_VALUE), BigDecimal.valueOf(Short.MAX_VALUE));
            }
            if (type == byte.class || type == Byte.class) {
                return new IntegerRange(BigDecimal.valueOf(Byte.MIN_VALUE), BigDecimal.valueOf(Byte.MAX_VALUE));
            }
            if (type == BigInteger.class) {
                // Bounded like a long: no amount or count Caravan keeps is larger.
                return new IntegerRange(BigDecimal.valueOf(Long.MIN_VALUE), BigDecimal.valueOf(Long.MAX_VALUE));
            }
            return null;
        }

        String message() {
            return "must be a whole number from " + min.toPlainString() + " to " + max.toPlainString();
        }
    }
}
