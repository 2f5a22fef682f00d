package io.caravan.plugins.payments;

import io.caravan.plugins.support.ProviderClient;
import io.caravan.sdk.plugin.EgressDeniedException;
import io.caravan.sdk.plugin.HealthReport;
import io.caravan.sdk.plugin.HealthStatus;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginHealth;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code HEALTH}: whether the store's acquirer account works — the configured API key is sent to
 * the acquirer's "who am I" endpoint ({@code GET /v1/account}), which changes nothing. A refused key
 * or an acquirer that cannot be reached is {@code DOWN} (cards, e-wallets and vouchers would fail at
 * checkout); an acquirer answering with a server error, or an enabled acquirer without a key or
 * without a webhook secret, is {@code DEGRADED}. Cash on delivery and bank transfer need no provider:
 * a store using only those is {@code UP}.
 */
public final class PaymentsHealth implements PluginHealth {

    /** Stateless. */
    public PaymentsHealth() {}

    @Override
    public HealthReport check(PluginContext context) {
        Optional<AcquirerSettings> acquirer = AcquirerSettings.of(context.configuration());
        if (acquirer.isEmpty()) {
            boolean enabled = context.configuration().bool("/acquirer/enabled").orElse(true);
            return enabled
                    ? new HealthReport(
                            HealthStatus.DEGRADED,
                            "The acquirer is enabled but has no API key: cards, e-wallets and vouchers are not offered."
                                    + " Set acquirer.apiKey, or disable the acquirer.")
                    : HealthReport.up();
        }
        AcquirerSettings settings = acquirer.get();
        ProviderClient.Answer answer;
        try {
            answer = settings.client(context).get("/v1/account");
        } catch (EgressDeniedException e) {
            return HealthReport.down("The acquirer at " + settings.baseUrl().getHost()
                    + " may not be reached from this store: " + e.getMessage());
        } catch (IOException e) {
            return HealthReport.down(
                    "The acquirer at " + settings.baseUrl().getHost() + " did not answer: " + e.getMessage());
        }
        if (answer.status() == 401 || answer.status() == 403) {
            return HealthReport.down("The acquirer refused the API key (HTTP " + answer.status() + "): "
                    + answer.errorMessage() + ". Check acquirer.apiKey.");
        }
        if (answer.status() >= 500) {
            return new HealthReport(
                    HealthStatus.DEGRADED,
                    "The acquirer answers with a server error (HTTP " + answer.status() + "); payments may fail.");
        }
        if (answer.status() != 200) {
            return new HealthReport(
                    HealthStatus.DEGRADED,
                    "The acquirer answered HTTP " + answer.status() + ": " + answer.errorMessage());
        }
        if (settings.webhookSecret().isEmpty()) {
            return new HealthReport(
                    HealthStatus.DEGRADED,
                    "No acquirer.webhookSecret: the acquirer's notifications cannot be verified, so payments whose"
                            + " outcome is unknown wait for the status poll.");
        }
        return HealthReport.up();
    }
}
