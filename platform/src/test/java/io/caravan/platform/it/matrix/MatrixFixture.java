package io.caravan.platform.it.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.KeycloakServer;
import io.caravan.platform.it.support.Marketplace;
import io.caravan.platform.it.support.Stores;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The real data the endpoint matrix fills path parameters from, made once through the API: a
 * target store with its owner, two staff members, three API keys, an installed plugin with a
 * configuration and a review; another store; a suspended store with a plugin and a key; a spare
 * store for the admin operations; dev's listing with approved, passed and (later) uploaded
 * versions, dev's listing for moderation, and the other developer's own listing.
 *
 * <p>Everything that is the target's own data carries {@link #hex} (store and listing names, the
 * plugin configuration, the review) or is listed in {@link #markers}, so a reply can be searched
 * for any of it.
 */
public final class MatrixFixture {
    /** A store as the matrix aims at it: its slug and the ids its member and key paths need. */
    public record Target(String slug, String memberId, String keyId) {}

    public static final String CONFIG_LABEL = "label";

    public final String hex = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    public final Api admin;
    public final Api dev;
    public final Api otherDev;
    public final Api owner;
    public final Api otherOwner;
    public final Target target;
    public final Target suspended;
    public final String other;
    public final String spare;
    /** dev's listing (one-time price): 1.0.0 and 1.1.0 approved, 1.2.0 passed and not submitted. */
    public final String listing;

    public final String listingRelease;
    /** dev's listing for moderation: 1.0.0 approved, 1.1.0 and 1.2.0 in review. */
    public final String moderated;

    public final String moderatedApproved;
    public final String moderatedToApprove;
    public final String moderatedToDecline;
    /** The other developer's own listing (one-time price), installed by the other store. */
    public final String otherDevListing;
    /** A listing slug nobody has, for dev's create control. */
    public final String newListing;

    public final String expiredToken;
    public final Map<Caller, Api> callers = new EnumMap<>(Caller.class);
    /** The target's, the suspended store's and the listing's data besides {@link #hex}: e-mails, key secrets. */
    public final List<String> markers;

    public static MatrixFixture create(Api anonymous) {
        return new MatrixFixture(anonymous);
    }

    private MatrixFixture(Api anonymous) {
        admin = anonymous.withToken(Stores.demoToken("ada"));
        dev = anonymous.withToken(Stores.demoToken("dev"));
        otherDev = anonymous.withToken(Stores.demoToken("ines"));

        String targetSlug = Stores.uniqueSlug("mx-target");
        onboard(targetSlug, "Azulejo Matrix " + hex);
        String ownerToken = Stores.signIn(Stores.ownerEmail(targetSlug));
        owner = anonymous.withToken(ownerToken);
        // First, so that it is long expired when the matrix runs.
        expiredToken = KeycloakServer.get()
                .shortLivedToken(Stores.ownerEmail(targetSlug), Stores.PASSWORD, Duration.ofSeconds(1));

        other = Stores.uniqueSlug("mx-other");
        String otherToken = Stores.signIn(onboardOwner(other, "Store " + other));
        otherOwner = anonymous.withToken(otherToken);
        String frozen = Stores.uniqueSlug("mx-frozen");
        Api frozenOwner = anonymous.withToken(Stores.signIn(onboardOwner(frozen, "Frozen Matrix " + hex)));
        spare = Stores.uniqueSlug("mx-spare");
        onboard(spare, "Store " + spare);

        String staffEmail = "staff@" + targetSlug + ".test";
        String staff2Email = "staff2@" + targetSlug + ".test";
        invite(owner, targetSlug, staffEmail);
        String staff2 = invite(owner, targetSlug, staff2Email);
        Api staff = anonymous.withToken(Stores.signIn(staffEmail));

        JsonObject storefrontKey = key(owner, targetSlug, "storefront:read");
        JsonObject taxKey = key(owner, targetSlug, "tax:quote");
        JsonObject checkoutKey = key(owner, targetSlug, "checkout:write");
        JsonObject spareKey = key(owner, targetSlug, "storefront:read");
        JsonObject otherKey = key(otherOwner, other, "storefront:read", "tax:quote", "checkout:write");
        JsonObject frozenKey = key(frozenOwner, frozen, "storefront:read", "tax:quote", "checkout:write");
        target = new Target(targetSlug, staff2, spareKey.getString("id"));
        suspended = new Target(frozen, membershipOf(frozenOwner, frozen), frozenKey.getString("id"));

        listing = Stores.uniqueSlug("mx-listing");
        created(dev.post("api/developer/listings", listing(listing, "Matrix Listing " + hex, oneTime(4900))));
        listingRelease = Marketplace.publish(dev, admin, listing, "1.0.0");
        Marketplace.publish(dev, admin, listing, "1.1.0");
        created(dev.upload(
                "api/developer/listings/" + listing + "/versions",
                Marketplace.echo(listing, "1.2.0"),
                Marketplace.JAR));

        moderated = Stores.uniqueSlug("mx-moderated");
        created(dev.post("api/developer/listings", Marketplace.listing(moderated, free())));
        moderatedApproved = Marketplace.publish(dev, admin, moderated, "1.0.0");
        moderatedToApprove = submitted(moderated, "1.1.0");
        moderatedToDecline = submitted(moderated, "1.2.0");

        otherDevListing = Stores.uniqueSlug("mx-ines");
        created(otherDev.post("api/developer/listings", Marketplace.listing(otherDevListing, oneTime(1500))));
        Marketplace.publish(otherDev, admin, otherDevListing, "1.0.0");
        newListing = Stores.uniqueSlug("mx-new");

        install(owner, targetSlug, listing, Json.createObjectBuilder().add(CONFIG_LABEL, "config " + hex));
        install(frozenOwner, frozen, listing, Json.createObjectBuilder().add(CONFIG_LABEL, "frozen " + hex));
        install(otherOwner, other, otherDevListing, Json.createObjectBuilder());
        Api.Reply reviewed = owner.put(
                "api/stores/" + targetSlug + "/catalog/" + listing + "/review",
                Json.createObjectBuilder()
                        .add("stars", 4)
                        .add("title", "Review " + hex)
                        .add("body", "Sturdy " + hex)
                        .build());
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(201);
        Api.Reply suspendedReply = admin.post(
                "api/admin/stores/" + frozen + "/suspend",
                Json.createObjectBuilder().add("reason", "matrix").build());
        assertThat(suspendedReply.status()).as(suspendedReply.toString()).isEqualTo(200);

        markers = List.of(
                hex,
                Stores.ownerEmail(targetSlug),
                staffEmail,
                staff2Email,
                Stores.ownerEmail(frozen),
                storefrontKey.getString("key"),
                taxKey.getString("key"),
                checkoutKey.getString("key"),
                spareKey.getString("key"),
                frozenKey.getString("key"));

        callers.put(Caller.OWNER, owner);
        callers.put(Caller.STAFF, staff);
        callers.put(Caller.OTHER_OWNER, otherOwner);
        callers.put(Caller.OTHER_STORE_KEY, anonymous.withApiKey(otherKey.getString("key")));
        callers.put(Caller.KEY_STOREFRONT, anonymous.withApiKey(storefrontKey.getString("key")));
        callers.put(Caller.KEY_TAX, anonymous.withApiKey(taxKey.getString("key")));
        callers.put(Caller.KEY_CHECKOUT, anonymous.withApiKey(checkoutKey.getString("key")));
        callers.put(Caller.SUSPENDED_OWNER, frozenOwner);
        callers.put(Caller.SUSPENDED_KEY, anonymous.withApiKey(frozenKey.getString("key")));
        callers.put(Caller.DEVELOPER, dev);
        callers.put(Caller.OTHER_DEVELOPER, otherDev);
        callers.put(Caller.ADMIN, admin);
        callers.put(Caller.ANONYMOUS, anonymous);
        callers.put(Caller.SELF_SIGNED, anonymous.withToken(Tokens.selfSigned(ownerToken)));
        callers.put(Caller.TAMPERED, anonymous.withToken(Tokens.claimingStore(otherToken, targetSlug)));
        callers.put(Caller.UNSIGNED, anonymous.withToken(Tokens.unsigned(ownerToken)));
        callers.put(Caller.EXPIRED, anonymous.withToken(expiredToken));
        callers.put(Caller.GARBAGE_KEY, anonymous.withApiKey("cvk_" + "A".repeat(43)));
    }

    /** What the target, suspended and spare stores and dev's listings hold now, as their rightful readers see it. */
    public Map<String, String> state() {
        String t = "api/stores/" + target.slug();
        Map<String, String> state = new LinkedHashMap<>();
        state.put("target store", read(owner, t));
        state.put("target members", read(owner, t + "/members"));
        state.put("target API keys", withoutLastUse(read(owner, t + "/api-keys")));
        state.put("target plugins", withoutHealth(read(owner, t + "/plugins")));
        state.put("target answering", read(owner, t + "/answering"));
        state.put("target review", read(owner, t + "/catalog/" + listing + "/review"));
        state.put("target charges", read(owner, t + "/charges"));
        state.put("target audit", read(owner, t + "/audit?size=200"));
        for (String store : List.of(suspended.slug(), spare)) {
            String a = "api/admin/stores/" + store;
            state.put(store + " store", read(admin, a));
            state.put(store + " plugins", withoutHealth(read(admin, a + "/plugins")));
            state.put(store + " audit", read(admin, a + "/audit?size=200"));
        }
        state.put("stores", read(admin, "api/admin/stores?size=1"));
        state.put("dev listings", read(dev, "api/developer/listings"));
        state.put("dev listing versions", read(dev, "api/developer/listings/" + listing + "/versions"));
        state.put("dev moderated versions", read(dev, "api/developer/listings/" + moderated + "/versions"));
        state.put("ines listings", read(otherDev, "api/developer/listings"));
        state.put("review queue", read(admin, "api/admin/marketplace/reviews"));
        return state;
    }

    private static String read(Api api, String path) {
        Api.Reply reply = api.get(path);
        assertThat(reply.status()).as("GET " + path + ": " + reply).isEqualTo(200);
        return reply.body();
    }

    /**
     * Installations without their health report: the platform checks each plugin after it was
     * installed or changed, on its own schedule, while the matrix runs.
     */
    private static String withoutHealth(String installations) {
        try (var reader = Json.createReader(new java.io.StringReader(installations))) {
            var builder = Json.createArrayBuilder();
            for (JsonValue installation : reader.readArray()) {
                builder.add(
                        Json.createObjectBuilder(installation.asJsonObject()).remove("health"));
            }
            return builder.build().toString();
        }
    }

    /** API key listings without lastUsedAt: keys of the target are used (rightly) while the matrix runs. */
    private static String withoutLastUse(String keys) {
        try (var reader = Json.createReader(new java.io.StringReader(keys))) {
            var builder = Json.createArrayBuilder();
            for (JsonValue key : reader.readArray()) {
                builder.add(Json.createObjectBuilder(key.asJsonObject()).remove("lastUsedAt"));
            }
            return builder.build().toString();
        }
    }

    private void onboard(String slug, String name) {
        onboardOwner(slug, name);
    }

    private String onboardOwner(String slug, String name) {
        String email = Stores.ownerEmail(slug);
        Api.Reply reply = admin.post(
                "api/admin/stores",
                Json.createObjectBuilder(Stores.onboardRequest(slug, email))
                        .add("name", name)
                        .build());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return email;
    }

    private static String invite(Api owner, String store, String email) {
        Api.Reply reply = owner.post(
                "api/stores/" + store + "/members",
                Json.createObjectBuilder()
                        .add("email", email)
                        .add("firstName", "Sam")
                        .add("lastName", "Staff")
                        .build());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("id");
    }

    private static String membershipOf(Api owner, String store) {
        Api.Reply reply = owner.get("api/stores/" + store + "/members");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.parse().asJsonArray().getJsonObject(0).getString("id");
    }

    private static JsonObject key(Api owner, String store, String... scopes) {
        var list = Json.createArrayBuilder();
        for (String scope : scopes) {
            list.add(scope);
        }
        Api.Reply reply = owner.post(
                "api/stores/" + store + "/api-keys",
                Json.createObjectBuilder()
                        .add("name", "matrix")
                        .add("scopes", list)
                        .build());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    private String submitted(String slug, String version) {
        Api.Reply uploaded = dev.upload(
                "api/developer/listings/" + slug + "/versions", Marketplace.echo(slug, version), Marketplace.JAR);
        created(uploaded);
        Api.Reply submitted = dev.post(
                "api/developer/listings/" + slug + "/versions/" + version + "/submit", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        return uploaded.json().getString("id");
    }

    private static void install(Api owner, String store, String plugin, JsonObjectBuilder configuration) {
        Api.Reply reply = owner.post(
                "api/stores/" + store + "/plugins",
                Json.createObjectBuilder()
                        .add("pluginId", plugin)
                        .add("version", "1.0.0")
                        .add("configuration", configuration)
                        .add("consent", Marketplace.consent())
                        .build());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    private static void created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    /** dev's listing as the matrix publishes it: its name and summary carry the fixture's marker. */
    public static JsonObject listing(String slug, String name, JsonObjectBuilder pricing) {
        return Json.createObjectBuilder(Marketplace.listing(slug, pricing))
                .add("name", name)
                .add("summary", "Matrix summary " + name.toLowerCase(Locale.ROOT))
                .build();
    }

    public static JsonObjectBuilder oneTime(long amountMinor) {
        return Json.createObjectBuilder()
                .add("model", "ONE_TIME")
                .add("amountMinor", amountMinor)
                .add("currency", "EUR");
    }

    static JsonObjectBuilder free() {
        return Json.createObjectBuilder().add("model", "FREE");
    }
}
