package io.caravan.platform.events.domain;

/**
 * The last error of a delivery as it is kept and shown: one line, no stack trace, at most
 * {@value #MAX_LENGTH} characters, a cut one ending in {@value #TRUNCATED}. The messages come from
 * the invoker's failure descriptions (already without stack traces and cut at 300 characters of
 * the plugin's own message) and never carry configuration values.
 */
public final class DeliveryError {
    public static final int MAX_LENGTH = 1000;
    public static final String TRUNCATED = "…[truncated]";

    private DeliveryError() {}

    public static String of(String message) {
        String text = message == null || message.isBlank() ? "no reason given" : message;
        text = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        return text.substring(0, MAX_LENGTH - TRUNCATED.length()) + TRUNCATED;
    }
}
