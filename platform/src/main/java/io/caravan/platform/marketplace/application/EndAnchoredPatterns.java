package io.caravan.platform.marketplace.application;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * JSON Schema {@code pattern}s with ECMA-262's end anchor. In ECMA-262 (what JSON Schema means)
 * {@code $} matches only at the end of the input; in {@code java.util.regex} it also matches before
 * a final line terminator, so {@code ^[A-Z]{2}$} accepted {@code "PT\n"} and an IOSS number with a
 * trailing newline passed a plugin's schema. Each {@code $} outside a character class becomes
 * {@code \z} (the true end of input) before the pattern is compiled; everything else is Java's
 * reading of the pattern, as before. Patterns are searched for ({@code find}), as JSON Schema says.
 */
final class EndAnchoredPatterns implements RegularExpressionFactory {
    static final EndAnchoredPatterns INSTANCE = new EndAnchoredPatterns();

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(toJava(regex));
        return value -> pattern.matcher(value).find();
    }

    /** The pattern with every unescaped {@code $} outside a character class replaced by {@code \z}. */
    static String toJava(String ecma) {
        StringBuilder java = new StringBuilder(ecma.length() + 8);
        boolean inClass = false;
        for (int i = 0; i < ecma.length(); i++) {
            char c = ecma.charAt(i);
            if (c == '\\' && i + 1 < ecma.length()) {
                java.append(c).append(ecma.charAt(++i));
            } else if (inClass) {
                inClass = c != ']';
                java.append(c);
            } else if (c == '[') {
                inClass = true;
                java.append(c);
                // a ']' (or '^]') straight after '[' is a literal member, not the end of the class
                if (i + 1 < ecma.length() && ecma.charAt(i + 1) == '^') {
                    java.append(ecma.charAt(++i));
                }
                if (i + 1 < ecma.length() && ecma.charAt(i + 1) == ']') {
                    java.append(ecma.charAt(++i));
                }
            } else if (c == '$') {
                java.append("\\z");
            } else {
                java.append(c);
            }
        }
        return java.toString();
    }
}
