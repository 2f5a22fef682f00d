package io.caravan.sdk.payments;

import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.ProviderNotification;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code PAYMENT_NOTIFICATIONS}: verifies and reads the provider's webhooks
 * (asynchronous outcomes: vouchers paid, transfers received, authorisations expired, refunds
 * completed, disputes), arriving at the installation's public notification URL.
 * <ul>
 *   <li><b>Verification first, always:</b> the URL is public; anyone can call it. The handler MUST
 *       verify the provider's signature over the raw body with the signing secret from its
 *       configuration (a {@link io.caravan.sdk.plugin.Secret}), compare in constant time
 *       ({@code MessageDigest.isEqual}) and refuse stale timestamps, before reading anything. When
 *       the check fails it returns {@link NotificationResult#rejected()} ({@code verified=false},
 *       no updates); the platform answers HTTP 401 and applies nothing.</li>
 *   <li><b>What the platform applies:</b> each update once per (type, operationReference,
 *       amount), only to a payment this installation created, in the payment's currency and
 *       within its amounts (see {@link PaymentUpdate}). A replay changes nothing; an update for
 *       another installation's payment is ignored.</li>
 *   <li><b>Deadline:</b> 5 s by default; providers retry slow webhooks, so do not call the provider
 *       back here unless its protocol requires it.</li>
 *   <li><b>Idempotency:</b> providers deliver at least once; return the same updates for the same
 *       notification (same operation references), and the platform's dedup does the rest.</li>
 *   <li><b>Failures:</b> an exception makes the platform answer HTTP 5xx, so the provider retries later.</li>
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
     * @return whether it was verified, the payment changes, and the acknowledgement to send back
     */
    NotificationResult handle(PluginContext context, ProviderNotification notification);
}
