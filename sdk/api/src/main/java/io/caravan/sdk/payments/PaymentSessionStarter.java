package io.caravan.sdk.payments;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code PAYMENT_SESSIONS}: opens a provider session before authorisation, for
 * component-based providers (the client SDK needs a server-side session to render card fields or
 * a wallet sheet). Providers without sessions do not provide this point.
 * <ul>
 *   <li><b>Deadline:</b> 5 s by default; on the shopper's path.</li>
 *   <li><b>Idempotency:</b> {@link PaymentSessionRequest#attemptKey()} is the attempt's key; a
 *       repeated call with the same key returns the same session (pass the key to the provider).
 *       A session moves no money.</li>
 *   <li><b>Failure policy:</b> {@code FALLBACK} is refused: a session belongs to one provider.</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface PaymentSessionStarter {

    /**
     * Opens a session for a payment attempt.
     *
     * @param context the per-call context
     * @param request the attempt
     * @return the session
     */
    PaymentSession startSession(PluginContext context, PaymentSessionRequest request);
}
