package io.caravan.platform.marketplace.application;

import io.caravan.platform.marketplace.domain.Installation;
import io.caravan.platform.shared.crypto.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An installation's secret configuration values, sealed as one JSON object (pointer → value) with
 * the platform's {@link SecretBox}, bound to the store and the installation.
 */
@ApplicationScoped
public class InstallationSecrets {
    @Inject
    SecretBox box;

    public Map<String, String> read(String storeId, Installation installation) {
        if (installation.sealedSecrets() == null) {
            return Map.of();
        }
        JsonObject object;
        try (var reader = Json.createReader(
                new StringReader(box.open(installation.sealedSecrets(), installation.secretsOwner(storeId))))) {
            object = reader.readObject();
        }
        Map<String, String> values = new LinkedHashMap<>();
        object.forEach((pointer, value) -> values.put(pointer, ((JsonString) value).getString()));
        return values;
    }

    public void store(String storeId, Installation installation, Map<String, String> values) {
        if (values.isEmpty()) {
            installation.storeSecrets(null);
            return;
        }
        JsonObjectBuilder object = Json.createObjectBuilder();
        values.forEach(object::add);
        installation.storeSecrets(box.seal(object.build().toString(), installation.secretsOwner(storeId)));
    }

    /** The configuration a plugin call sees: the shown part with the secret values put back. */
    public String merged(String storeId, Installation installation) {
        Map<String, String> values = read(storeId, installation);
        if (values.isEmpty()) {
            return installation.configurationJson();
        }
        JsonObject document;
        try (var reader = Json.createReader(new StringReader(installation.configurationJson()))) {
            document = reader.readObject();
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            document = JsonPointers.set(document, e.getKey(), Json.createValue(e.getValue()));
        }
        return document.toString();
    }
}
