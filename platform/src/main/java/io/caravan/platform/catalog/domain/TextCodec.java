package io.caravan.platform.catalog.domain;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical text of the list- and map-valued columns (categories, option values, prices,
 * served countries): JSON, written and read only by this context. Kept in a column of the row
 * rather than a child table so that a variant is one row under one RLS policy and is read with
 * one query.
 */
public final class TextCodec {
    private TextCodec() {}

    public static String strings(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array.build().toString();
    }

    public static List<String> strings(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            List<String> values = new ArrayList<>();
            reader.readArray().getValuesAs(JsonString.class).forEach(s -> values.add(s.getString()));
            return List.copyOf(values);
        }
    }

    public static String stringMap(Map<String, String> values) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        values.forEach(object::add);
        return object.build().toString();
    }

    /** In the order written (option values keep the merchant's order: size before colour). */
    public static Map<String, String> stringMap(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            Map<String, String> values = new LinkedHashMap<>();
            reader.readObject().forEach((k, v) -> values.put(k, ((JsonString) v).getString()));
            return java.util.Collections.unmodifiableMap(values);
        }
    }

    public static String longMap(Map<String, Long> values) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        values.forEach(object::add);
        return object.build().toString();
    }

    public static Map<String, Long> longMap(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            Map<String, Long> values = new LinkedHashMap<>();
            reader.readObject().forEach((k, v) -> values.put(k, ((JsonNumber) v).longValueExact()));
            return java.util.Collections.unmodifiableMap(values);
        }
    }
}
