package io.caravan.platform.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Locale;
import java.util.UUID;

/** Onboarding and signing in for tests: fresh stores with their own owners. */
public final class Stores {
    public static final String PASSWORD = "it-Passw0rd!";

    private Stores() {}

    public static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static JsonObject onboardRequest(String slug, String ownerEmail) {
        return Json.createObjectBuilder()
                .add("slug", slug)
                .add("name", "Store " + slug)
                .add(
                        "owner",
                        Json.createObjectBuilder()
                                .add("email", ownerEmail)
                                .add("firstName", "Olga")
                                .add("lastName", "Owner"))
                .add("defaultCurrency", "EUR")
                .add(
                        "sellingCountries",
                        Json.createArrayBuilder().add("DE").add("FR").add("PT"))
                .add("priceDisplay", "INCLUDING_TAX")
                .build();
    }

    public static String ownerEmail(String slug) {
        return ("owner@" + slug + ".test").toLowerCase(Locale.ROOT);
    }

    /** Onboards a store as {@code admin} and returns a signed-in API for its new owner. */
    public static Api onboardAndSignIn(Api admin, String slug) {
        Api.Reply reply = admin.post("api/admin/stores", onboardRequest(slug, ownerEmail(slug)));
        if (reply.status() != 201) {
            throw new IllegalStateException("onboarding " + slug + " failed: " + reply);
        }
        return admin.withToken(signIn(ownerEmail(slug)));
    }

    /** The person completes their account (as the set-password e-mail would) and signs in. */
    public static String signIn(String email) {
        KeycloakServer keycloak = KeycloakServer.get();
        keycloak.setPassword(email, PASSWORD);
        return keycloak.passwordToken(email, PASSWORD);
    }

    public static String demoToken(String username) {
        return KeycloakServer.get().passwordToken(username, "caravan");
    }

    /** The store owner creates an API key with these scopes; returns the key (shown once). */
    public static String apiKey(Api owner, String store, String name, String... scopes) {
        jakarta.json.JsonArrayBuilder granted = Json.createArrayBuilder();
        for (String scope : scopes) {
            granted.add(scope);
        }
        Api.Reply key = owner.post(
                "api/stores/" + store + "/api-keys",
                Json.createObjectBuilder()
                        .add("name", name)
                        .add("scopes", granted)
                        .build());
        if (key.status() != 201) {
            throw new IllegalStateException("creating the API key " + name + " of " + store + " failed: " + key);
        }
        return key.json().getString("key");
    }
}
