package io.caravan.platform.commerce.application;

/**
 * The installation's notification handler failed (timeout, error): the provider should send the
 * notification again (answered 503, so providers that retry on 5xx do); nothing was applied.
 */
public class NotificationNotHandledException extends RuntimeException {
    public NotificationNotHandledException(String message) {
        super(
                "The notification could not be handled now (" + message + "); nothing was applied. Send it again.",
                null,
                false,
                false);
    }
}
