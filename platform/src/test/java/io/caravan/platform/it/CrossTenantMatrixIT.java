package io.caravan.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.KeycloakServer;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.Stores;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every store-scoped endpoint against every kind of caller: the store's owner, its staff, the
 * owner of another store, no credentials, a forged token, an expired token, an API key of the
 * store and of another store, and the owner of a suspended store. Each cell has one expected
 * status; no refused answer carries the target store's data, and the target store is unchanged.
 */
class CrossTenantMatrixIT extends PlatformIT {
    /** One endpoint of a store; {@code path} gets the store slug. */
    record Endpoint(
            String method,
            Function<String, String> path,
            JsonStructure body,
            int ownerStatus,
            int staffStatus,
            int apiKeyStatus) {
        String path(String slug) {
            return path.apply(slug);
        }

        @Override
        public String toString() {
            return method + " " + path.apply("{store}");
        }
    }

    @Test
    void noCallerReachesAStoreItDoesNotBelongTo() {
        Api admin = admin();
        String target = Stores.uniqueSlug("target");
        String other = Stores.uniqueSlug("other");
        String frozen = Stores.uniqueSlug("frozen");
        Api owner = Stores.onboardAndSignIn(admin, target);
        Api otherOwner = Stores.onboardAndSignIn(admin, other);
        Api frozenOwner = Stores.onboardAndSignIn(admin, frozen);

        String staffEmail = "staff@" + target + ".test";
        assertThat(owner.post("api/stores/" + target + "/members", invite(staffEmail))
                        .status())
                .isEqualTo(201);
        Api staff = admin.withToken(Stores.signIn(staffEmail));
        String targetKey = createKey(owner, target, "storefront:read");
        String otherKey = createKey(otherOwner, other, "storefront:read");
        String frozenKey = createKey(frozenOwner, frozen, "storefront:read");
        assertThat(admin.post(
                                "api/admin/stores/" + frozen + "/suspend",
                                Json.createObjectBuilder()
                                        .add("reason", "matrix")
                                        .build())
                        .status())
                .isEqualTo(200);
        String validToken = Stores.signIn(Stores.ownerEmail(target));
        String expiredToken =
                KeycloakServer.get().shortLivedToken(Stores.ownerEmail(target), Stores.PASSWORD, Duration.ofSeconds(1));

        JsonObject settings = Json.createObjectBuilder()
                .add("name", "Hijacked")
                .add("defaultCurrency", "USD")
                .add("sellingCountries", Json.createArrayBuilder().add("US"))
                .add("priceDisplay", "EXCLUDING_TAX")
                .build();
        JsonObject newKey = Json.createObjectBuilder()
                .add("name", "matrix")
                .add("scopes", Json.createArrayBuilder().add("storefront:read"))
                .build();
        List<Endpoint> endpoints = List.of(
                new Endpoint("GET", s -> "api/stores/" + s, null, 200, 200, 403),
                new Endpoint("PUT", s -> "api/stores/" + s + "/settings", settings, 200, 403, 403),
                new Endpoint("GET", s -> "api/stores/" + s + "/storefront", null, 200, 200, 200),
                new Endpoint("GET", s -> "api/stores/" + s + "/members", null, 200, 200, 403),
                new Endpoint(
                        "POST", s -> "api/stores/" + s + "/members", invite("new-member@example.test"), 201, 403, 403),
                new Endpoint(
                        "DELETE",
                        s -> "api/stores/" + s + "/members/00000000-0000-0000-0000-000000000000",
                        null,
                        404,
                        403,
                        403),
                new Endpoint("GET", s -> "api/stores/" + s + "/api-keys", null, 200, 403, 403),
                new Endpoint("POST", s -> "api/stores/" + s + "/api-keys", newKey, 201, 403, 403),
                new Endpoint(
                        "DELETE",
                        s -> "api/stores/" + s + "/api-keys/00000000-0000-0000-0000-000000000000",
                        null,
                        404,
                        403,
                        403),
                new Endpoint("GET", s -> "api/stores/" + s + "/audit", null, 200, 403, 403));

        // Wait on the condition itself: the short-lived token is past its expiry plus the 1 s clock skew.
        Instant expiredAfter = Instant.now().plusSeconds(3);
        while (Instant.now().isBefore(expiredAfter)) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }

        Api anonymous = anonymous();
        Map<String, Api> refusedCallers = Map.of(
                "owner of another store", otherOwner,
                "no credentials", anonymous,
                "forged token", anonymous.withToken(forge(validToken, other, target)),
                "unsigned token", anonymous.withToken(unsigned(validToken)),
                "expired token", anonymous.withToken(expiredToken),
                "API key of another store", anonymous.withApiKey(otherKey),
                "revoked-looking garbage key", anonymous.withApiKey("cvk_" + "A".repeat(43)));

        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (Endpoint endpoint : endpoints) {
            cells += 4;
            expect(failures, endpoint, "owner", owner, target, endpoint.ownerStatus(), null);
            expect(failures, endpoint, "staff", staff, target, endpoint.staffStatus(), target);
            expect(
                    failures,
                    endpoint,
                    "API key",
                    anonymous.withApiKey(targetKey),
                    target,
                    endpoint.apiKeyStatus(),
                    target);
            expect(failures, endpoint, "owner of suspended store", frozenOwner, frozen, 403, frozen);
            for (Map.Entry<String, Api> caller : refusedCallers.entrySet()) {
                cells++;
                int expected = switch (caller.getKey()) {
                    case "owner of another store" -> 403;
                    default -> 401;
                };
                expect(failures, endpoint, caller.getKey(), caller.getValue(), target, expected, target);
            }
            cells++;
            expect(
                    failures,
                    endpoint,
                    "API key of suspended store",
                    anonymous.withApiKey(frozenKey),
                    frozen,
                    endpoint.apiKeyStatus() == 200 ? 403 : endpoint.apiKeyStatus(),
                    frozen);
        }
        assertThat(failures).as("cells failing out of " + cells).isEmpty();

        // Only the owner's own calls changed the target store: one settings update, one member, one key.
        List<JsonObject> audit = owner.get("api/stores/" + target + "/audit?size=200")
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertThat(audit)
                .extracting(e -> e.getString("actor"))
                .allMatch(
                        actor -> actor.equals("ada") || actor.equals(Stores.ownerEmail(target)),
                        "only the admin and the owner acted");
        assertThat(audit)
                .filteredOn(e -> e.getString("action").equals("store.settings-updated"))
                .hasSize(1);
        assertThat(audit)
                .filteredOn(e -> e.getString("action").equals("api-key.created"))
                .hasSize(2);
        assertThat(audit)
                .filteredOn(e -> e.getString("action").equals("staff.invited"))
                .hasSize(2);
        assertThat(owner.get("api/stores/" + other).status()).isEqualTo(403);
        assertThat(otherOwner.get("api/stores/" + other).json().getString("name"))
                .isEqualTo("Store " + other);
    }

    private static void expect(
            List<String> failures,
            Endpoint endpoint,
            String caller,
            Api api,
            String slug,
            int expected,
            String mustNotLeak) {
        Api.Reply reply = api.send(
                endpoint.method(),
                endpoint.path(slug),
                endpoint.body() == null ? null : endpoint.body().toString());
        if (reply.status() != expected) {
            failures.add(endpoint + " as " + caller + ": expected " + expected + ", got " + reply);
            return;
        }
        if (expected >= 400) {
            if (!reply.isProblem()) {
                failures.add(endpoint + " as " + caller + ": refusal is not problem+json: " + reply);
            }
            if (mustNotLeak != null
                    && (reply.body().contains("Store " + mustNotLeak)
                            || reply.body().contains("owner@" + mustNotLeak))) {
                failures.add(endpoint + " as " + caller + ": refusal leaks store data: " + reply);
            }
        }
    }

    private static JsonObject invite(String email) {
        return Json.createObjectBuilder()
                .add("email", email)
                .add("firstName", "Sam")
                .add("lastName", "Staff")
                .build();
    }

    private static String createKey(Api owner, String slug, String scope) {
        Api.Reply created = owner.post(
                "api/stores/" + slug + "/api-keys",
                Json.createObjectBuilder()
                        .add("name", "storefront")
                        .add("scopes", Json.createArrayBuilder().add(scope))
                        .build());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().getString("key");
    }

    /** A valid token whose payload claims membership of {@code into}; the signature no longer matches. */
    private static String forge(String token, String from, String into) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replace("\"organization\":[", "\"organization\":[\"" + into + "\",\"" + from + "\",");
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
    }

    /** The same claims with {@code alg: none} and no signature. */
    private static String unsigned(String token) {
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + token.split("\\.")[1] + ".";
    }
}
