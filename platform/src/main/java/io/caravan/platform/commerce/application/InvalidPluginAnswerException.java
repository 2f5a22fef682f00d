package io.caravan.platform.commerce.application;

/**
 * A plugin's answer failed the platform's checks ({@link PluginAnswers}). Thrown inside the plugin
 * call, so the invoker treats it as the plugin's failure (metrics, breaker, failure policy). Never
 * the client's fault.
 */
public class InvalidPluginAnswerException extends RuntimeException {
    public InvalidPluginAnswerException(String message) {
        super(message, null, false, false);
    }
}
