package io.caravan.platform.validation.application;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OSGi version ({@code major[.minor[.micro[.qualifier]]]}) and the version-range test of the
 * OSGi core specification (3.2.6), for the manifest and descriptor checks. The marketplace does
 * not link against the framework (only the host does), and these two rules are all it needs.
 */
record OsgiVersion(int major, int minor, int micro, String qualifier) implements Comparable<OsgiVersion> {
    private static final Pattern VERSION =
            Pattern.compile("(\\d{1,9})(?:\\.(\\d{1,9})(?:\\.(\\d{1,9})(?:\\.([A-Za-z0-9_-]+))?)?)?");
    /** What a bundle must declare: all three numbers, then an optional qualifier. */
    static final Pattern SEMANTIC = Pattern.compile("\\d{1,9}\\.\\d{1,9}\\.\\d{1,9}(?:\\.[A-Za-z0-9_-]+)?");

    private static final Pattern RANGE =
            Pattern.compile("\\s*([\\[(])\\s*([^,\\s]+)\\s*,\\s*([^\\])\\s]+)\\s*([\\])])\\s*");

    /** @throws IllegalArgumentException if the text is not an OSGi version */
    static OsgiVersion parse(String text) {
        Matcher m = VERSION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "\"" + text + "\" is not an OSGi version (major.minor.micro[.qualifier])");
        }
        return new OsgiVersion(
                Integer.parseInt(m.group(1)),
                m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
                m.group(4) == null ? "" : m.group(4));
    }

    /**
     * Whether an OSGi range ({@code [1.0,2.0)}, {@code (1,2]}) or minimum version ({@code 1.0})
     * includes the version.
     *
     * @throws IllegalArgumentException if the range is malformed
     */
    static boolean inRange(String range, OsgiVersion version) {
        Matcher m = RANGE.matcher(range);
        if (!m.matches()) {
            return parse(range).compareTo(version) <= 0;
        }
        OsgiVersion low = parse(m.group(2));
        OsgiVersion high = parse(m.group(3));
        int lowCmp = version.compareTo(low);
        int highCmp = version.compareTo(high);
        return (m.group(1).equals("[") ? lowCmp >= 0 : lowCmp > 0)
                && (m.group(4).equals("]") ? highCmp <= 0 : highCmp < 0);
    }

    @Override
    public int compareTo(OsgiVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Integer.compare(micro, o.micro);
        }
        return c != 0 ? c : qualifier.compareTo(o.qualifier);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + micro + (qualifier.isEmpty() ? "" : "." + qualifier);
    }
}
