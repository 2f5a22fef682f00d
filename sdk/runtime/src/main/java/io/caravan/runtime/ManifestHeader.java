package io.caravan.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clause syntax of OSGi manifest headers (core specification 3.2.4): clauses separated by
 * commas, each a list of paths (package or bundle names) then {@code name=value} attributes and
 * {@code name:=value} directives, separated by semicolons; values may be double-quoted.
 */
public final class ManifestHeader {

    /**
     * One clause of a header.
     *
     * @param paths      the package or bundle names the clause is about
     * @param attributes its {@code name=value} attributes (typed ones keyed by name alone), unquoted
     * @param directives its {@code name:=value} directives, unquoted
     */
    public record Clause(List<String> paths, Map<String, String> attributes, Map<String, String> directives) {}

    private ManifestHeader() {}

    /**
     * Parses a header's value.
     *
     * @param header the value, or null
     * @return its clauses in order; empty for a null or blank header
     */
    public static List<Clause> parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        for (String clause : split(header, ',')) {
            if (clause.isBlank()) {
                continue;
            }
            List<String> paths = new ArrayList<>();
            Map<String, String> attributes = new LinkedHashMap<>();
            Map<String, String> directives = new LinkedHashMap<>();
            for (String part : split(clause, ';')) {
                String p = part.trim();
                int directive = p.indexOf(":=");
                int attribute = p.indexOf('=');
                if (directive > 0 && directive <= attribute) {
                    directives.put(p.substring(0, directive).trim(), unquote(p.substring(directive + 2)));
                } else if (attribute > 0) {
                    // a typed attribute (version:Version=1.0) is keyed by its name alone
                    String name = p.substring(0, attribute).trim().replaceFirst(":.*$", "");
                    attributes.put(name, unquote(p.substring(attribute + 1)));
                } else if (!p.isEmpty()) {
                    paths.add(p);
                }
            }
            clauses.add(new Clause(List.copyOf(paths), Map.copyOf(attributes), Map.copyOf(directives)));
        }
        return clauses;
    }

    /**
     * Every path of every clause.
     *
     * @param header the value, or null
     * @return the paths in order
     */
    public static List<String> paths(String header) {
        List<String> paths = new ArrayList<>();
        for (Clause c : parse(header)) {
            paths.addAll(c.paths());
        }
        return paths;
    }

    private static String unquote(String value) {
        String v = value.trim();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
