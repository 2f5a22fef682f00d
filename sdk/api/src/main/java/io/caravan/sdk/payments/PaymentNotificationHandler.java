package io.caravan.sdk.payments;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code PAYMENT_NOTIFICATIONS}: verifies and reads the provider's webhooks
 * (asynchronous outcomes: vouchers paid, transfers received, refunds completed, disputes).
 * <ul>
 *   <li><b>Verification first:</b> the URL is public. Check the provider's signature with the
 *       signing secret from the configuration before reading anything; an unsigned or wrongly
 *       signed call throws {@link io.caravan.sdk.plugin.PluginRejectedException}
 *       ({@code "invalid_signature"}), which the platform answers with HTTP 401.</li>
 *   <li><b>Deadline:</b> 5 s by default; providers retry slow webhooks, so do not call the
 *       provider back here unless its protocol requires it.</li>
 *   <li><b>Idempotency:</b> providers deliver at least once; the same notification may arrive
 *       again. Return the same updates with the same {@link PaymentUpdate#eventId()}s; the platform
 *       applies each event id once.</li>
 *   <li><b>Failures:</b> an exception other than a rejection makes the platform answer HTTP 5xx,
 *       so the provider retries later.</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface PaymentNotificationHandler {

    /**
     * Verifies and reads a notification.
     *
     * @param context      the per-call context
     * @param notification the call as received
     * @return the payment changes, and the acknowledgement to send back
     */
    NotificationResult handle(PluginContext context, ProviderNotification notification);
}
