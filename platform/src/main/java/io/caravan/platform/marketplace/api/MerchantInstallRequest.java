package io.caravan.platform.marketplace.api;

import io.caravan.platform.marketplace.application.Consent;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Set;

/**
 * A merchant installs (or moves to) a version: the configuration, and consent to the permissions
 * the catalog showed — every host, event and data scope the version declares must be listed.
 */
public record MerchantInstallRequest(
        @NotBlank String pluginId, String version, JsonObject configuration, ConsentRequest consent) {

    public record ConsentRequest(List<String> egressHosts, List<String> events, List<String> data) {
        Consent toConsent() {
            return new Consent(
                    egressHosts == null ? Set.of() : Set.copyOf(egressHosts),
                    events == null ? Set.of() : Set.copyOf(events),
                    data == null ? Set.of() : Set.copyOf(data));
        }
    }

    Consent consentGiven() {
        return consent == null ? new Consent(Set.of(), Set.of(), Set.of()) : consent.toConsent();
    }
}
