package io.caravan.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.Marketplace;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.Stores;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Ratings and reviews on real servers: one per store per listing, only after installing; the
 * rating in the catalog and its filter; each store writes only its own review; staff read but do
 * not write; the developer reads their listing's reviews; nobody learns which store wrote one.
 */
class ListingReviewsIT extends PlatformIT {
    private static final Set<String> REVIEW_FIELDS =
            Set.of("stars", "title", "body", "createdAt", "updatedAt", "mine", "author");

    @Test
    void one_review_per_installed_store_counted_in_the_catalog_and_shown_to_the_developer() {
        Api admin = admin();
        Api dev = developer();
        String prefix = "rate-" + UUID.randomUUID().toString().substring(0, 8);
        String slug = prefix + "-tax";
        String unrated = prefix + "-plain";
        publish(dev, admin, slug);
        publish(dev, admin, unrated);
        String a = Stores.uniqueSlug("rev-a");
        String b = Stores.uniqueSlug("rev-b");
        Api ownerA = Stores.onboardAndSignIn(admin, a);
        Api ownerB = Stores.onboardAndSignIn(admin, b);

        // never installed: no review
        Api.Reply early = ownerA.put(review(a, slug), review(5, "Great", "Works."));
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.isProblem()).isTrue();
        assertThat(early.json().getString("detail")).contains("installed");
        assertThat(ownerA.get(review(a, slug)).status()).isEqualTo(404);

        install(ownerA, a, slug);
        Api.Reply first = ownerA.put(review(a, slug), review(5, "Great", "Quotes in 3 ms.\nSupport answers."));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.location()).endsWith("/catalog/" + slug + "/review");
        assertThat(first.json().getInt("stars")).isEqualTo(5);
        assertThat(first.json().getString("body")).isEqualTo("Quotes in 3 ms.\nSupport answers.");
        assertThat(first.json().getString("ratingAverage")).isEqualTo("5.0");
        assertThat(first.json().getInt("ratingCount")).isEqualTo(1);
        String authorA = first.json().getString("author");

        // the same store again: its one review changes, the count does not
        Api.Reply changed = ownerA.put(review(a, slug), review(4, "Very good", null));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().getInt("stars")).isEqualTo(4);
        assertThat(changed.json().containsKey("body")).isFalse();
        assertThat(changed.json().getString("createdAt")).isEqualTo(first.json().getString("createdAt"));
        assertThat(changed.json().getString("ratingAverage")).isEqualTo("4.0");
        assertThat(changed.json().getInt("ratingCount")).isEqualTo(1);

        install(ownerB, b, slug);
        Api.Reply byB = ownerB.put(review(b, slug), review(2, "Too slow for us", null));
        assertThat(byB.status()).as(byB.toString()).isEqualTo(201);
        assertThat(byB.json().getString("ratingAverage")).isEqualTo("3.0");
        assertThat(byB.json().getInt("ratingCount")).isEqualTo(2);

        // the catalog shows the rating; the unrated listing has a count of 0 and no average
        JsonObject page = ownerA.get("api/stores/" + a + "/catalog/" + slug).json();
        assertThat(page.getString("ratingAverage")).isEqualTo("3.0");
        assertThat(page.getInt("ratingCount")).isEqualTo(2);
        List<JsonObject> both = search(ownerA, a, "q=" + prefix);
        assertThat(both).extracting(e -> e.getString("slug")).containsExactlyInAnyOrder(slug, unrated);
        JsonObject plain = both.stream()
                .filter(e -> e.getString("slug").equals(unrated))
                .findFirst()
                .orElseThrow();
        assertThat(plain.getInt("ratingCount")).isZero();
        assertThat(plain.containsKey("ratingAverage")).isFalse();

        // minRating: rated listings whose shown average reaches it
        assertThat(search(ownerA, a, "q=" + prefix + "&minRating=3"))
                .extracting(e -> e.getString("slug"))
                .containsExactly(slug);
        assertThat(search(ownerA, a, "q=" + prefix + "&minRating=1"))
                .extracting(e -> e.getString("slug"))
                .containsExactly(slug);
        assertThat(search(ownerA, a, "q=" + prefix + "&minRating=3.1")).isEmpty();
        assertThat(search(ownerA, a, "q=" + prefix + "&minRating=3.0&kind=TAX&country=FR"))
                .hasSize(1);
        for (String invalid : List.of("6", "0.5", "3.25", "good")) {
            Api.Reply refused = ownerA.get("api/stores/" + a + "/catalog?q=" + prefix + "&minRating=" + invalid);
            assertThat(refused.status()).as(invalid).isEqualTo(400);
            assertThat(refused.json().getString("detail")).contains("minRating");
        }

        // store B reads both reviews, newest first, its own marked; nothing says which store wrote A's
        Api.Reply listed = ownerB.get("api/stores/" + b + "/catalog/" + slug + "/reviews");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        JsonObject reviews = listed.json();
        assertThat(reviews.getString("ratingAverage")).isEqualTo("3.0");
        assertThat(reviews.getInt("ratingCount")).isEqualTo(2);
        assertThat(reviews.getInt("total")).isEqualTo(2);
        List<JsonObject> items = reviews.getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(items).extracting(i -> i.getInt("stars")).containsExactly(2, 4);
        assertThat(items.get(0).getBoolean("mine")).isTrue();
        assertThat(items.get(0).getString("author")).isEqualTo(byB.json().getString("author"));
        assertThat(items.get(1).getBoolean("mine")).isFalse();
        assertThat(items.get(1).containsKey("author")).isFalse();
        assertThat(items.get(1).getString("title")).isEqualTo("Very good");
        items.forEach(item -> assertThat(REVIEW_FIELDS).containsAll(item.keySet()));
        assertThat(listed.body())
                .doesNotContain(a)
                .doesNotContain(authorA)
                .doesNotContain(Stores.ownerEmail(a))
                .doesNotContain("storeId")
                .doesNotContain("\"id\"");
        assertThat(ownerB.get("api/stores/" + b + "/catalog/" + slug + "/reviews?page=1&size=1")
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getInt("stars"))
                .isEqualTo(4);

        // store B has no way to A's review: A's path is A's store (403), its own path is its own review
        assertThat(ownerB.put(review(a, slug), review(1, "Sabotage", null)).status())
                .isEqualTo(403);
        assertThat(ownerB.delete(review(a, slug)).status()).isEqualTo(403);
        assertThat(ownerB.get("api/stores/" + a + "/catalog/" + slug + "/reviews")
                        .status())
                .isEqualTo(403);
        assertThat(ownerB.delete(review(b, slug)).status()).isEqualTo(204);
        assertThat(ownerB.delete(review(b, slug)).status()).isEqualTo(404);
        JsonObject stillA = ownerA.get(review(a, slug)).json();
        assertThat(stillA.getInt("stars")).isEqualTo(4);
        assertThat(stillA.getString("ratingAverage")).isEqualTo("4.0");
        assertThat(stillA.getInt("ratingCount")).isEqualTo(1);

        // staff of A read the reviews, but only the owner writes
        String staffEmail = "staff@" + a + ".test";
        assertThat(ownerA.post(
                                "api/stores/" + a + "/members",
                                Json.createObjectBuilder()
                                        .add("email", staffEmail)
                                        .add("firstName", "Sam")
                                        .add("lastName", "Staff")
                                        .build())
                        .status())
                .isEqualTo(201);
        Api staffA = admin.withToken(Stores.signIn(staffEmail));
        assertThat(staffA.get("api/stores/" + a + "/catalog/" + slug + "/reviews")
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getBoolean("mine"))
                .isTrue();
        assertThat(staffA.get(review(a, slug)).status()).isEqualTo(200);
        assertThat(staffA.put(review(a, slug), review(1, "Staff opinion", null)).status())
                .isEqualTo(403);
        assertThat(staffA.delete(review(a, slug)).status()).isEqualTo(403);

        // the developer sees the rating and the reviews of their listing, anonymous
        Api.Reply forDev = dev.get("api/developer/listings/" + slug + "/reviews");
        assertThat(forDev.status()).as(forDev.toString()).isEqualTo(200);
        assertThat(forDev.json().getString("ratingAverage")).isEqualTo("4.0");
        assertThat(forDev.json().getInt("ratingCount")).isEqualTo(1);
        JsonObject devItem = forDev.json().getJsonArray("items").getJsonObject(0);
        assertThat(devItem.getString("title")).isEqualTo("Very good");
        assertThat(devItem.keySet()).doesNotContain("mine", "author");
        assertThat(forDev.body()).doesNotContain(a).doesNotContain(authorA).doesNotContain(Stores.ownerEmail(a));
        assertThat(dev.get("api/developer/listings/" + unrated + "/reviews")
                        .json()
                        .getInt("ratingCount"))
                .isZero();
        assertThat(dev.get("api/developer/listings/no-such-" + prefix + "/reviews")
                        .status())
                .isEqualTo(404);
        assertThat(ownerA.get("api/developer/listings/" + slug + "/reviews").status())
                .isEqualTo(403);
        assertThat(admin.get("api/developer/listings/" + slug + "/reviews").status())
                .as("a platform admin is not a plugin developer: the developer API refuses them")
                .isEqualTo(403);

        // after uninstalling, A's review stays and counts; changing it needs the plugin again; deleting does not
        assertThat(ownerA.delete("api/stores/" + a + "/plugins/" + slug).status())
                .isEqualTo(204);
        assertThat(ownerA.get("api/stores/" + a + "/catalog/" + slug).json().getInt("ratingCount"))
                .isEqualTo(1);
        assertThat(ownerA.put(review(a, slug), review(1, "Gone", null)).status())
                .isEqualTo(409);
        assertThat(ownerA.delete(review(a, slug)).status()).isEqualTo(204);
        JsonObject none = ownerA.get("api/stores/" + a + "/catalog/" + slug).json();
        assertThat(none.getInt("ratingCount")).isZero();
        assertThat(none.containsKey("ratingAverage")).isFalse();
        assertThat(search(ownerA, a, "q=" + prefix + "&minRating=1")).isEmpty();

        // the store's audit trail records who wrote and withdrew its public statement
        List<String> actions =
                ownerA
                        .get("api/stores/" + a + "/audit")
                        .json()
                        .getJsonArray("items")
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .map(e -> e.getString("action"))
                        .toList();
        assertThat(actions).contains("plugin.reviewed", "plugin.review-deleted");
    }

    @Test
    void invalid_reviews_are_refused_with_the_field_names() {
        Api admin = admin();
        Api dev = developer();
        String slug = "rate-" + UUID.randomUUID().toString().substring(0, 8);
        publish(dev, admin, slug);
        String store = Stores.uniqueSlug("rev-v");
        Api owner = Stores.onboardAndSignIn(admin, store);
        install(owner, store, slug);

        for (JsonObject invalid : List.of(
                review(0, null, null),
                review(6, null, null),
                Json.createObjectBuilder().add("title", "No stars").build())) {
            Api.Reply refused = owner.put(review(store, slug), invalid);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(fields(refused)).containsExactly("stars");
        }
        Api.Reply tooLong = owner.put(review(store, slug), review(3, "t".repeat(121), "b".repeat(2001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(fields(tooLong)).containsExactly("body", "title");
        Api.Reply twoLines = owner.put(review(store, slug), review(3, "one\ntwo", null));
        assertThat(twoLines.status()).isEqualTo(400);
        assertThat(twoLines.json().getString("detail")).contains("title");
        assertThat(owner.send("PUT", review(store, slug), "{\"stars\": \"many\"}")
                        .status())
                .isEqualTo(400);
        assertThat(owner.put("api/stores/" + store + "/catalog/no-such-plugin/review", review(3, null, null))
                        .status())
                .isEqualTo(404);
        assertThat(owner.get("api/stores/" + store + "/catalog/no-such-plugin/reviews")
                        .status())
                .isEqualTo(404);

        // a store API key (any scope) neither reads nor writes reviews: they are for signed-in people
        Api.Reply key = owner.post(
                "api/stores/" + store + "/api-keys",
                Json.createObjectBuilder()
                        .add("name", "front")
                        .add("scopes", Json.createArrayBuilder().add("storefront:read"))
                        .build());
        assertThat(key.status()).isEqualTo(201);
        Api withKey = anonymous().withApiKey(key.json().getString("key"));
        assertThat(withKey.put(review(store, slug), review(5, null, null)).status())
                .isEqualTo(403);
        assertThat(withKey.get("api/stores/" + store + "/catalog/" + slug + "/reviews")
                        .status())
                .isEqualTo(403);

        // nothing was written by the refused attempts; the limits themselves are accepted
        assertThat(owner.get(review(store, slug)).status()).isEqualTo(404);
        Api.Reply atLimits = owner.put(review(store, slug), review(1, "t".repeat(120), "b".repeat(2000)));
        assertThat(atLimits.status()).as(atLimits.toString()).isEqualTo(201);
        assertThat(atLimits.json().getString("ratingAverage")).isEqualTo("1.0");
    }

    @Test
    void concurrent_reviews_lose_no_update_and_one_store_still_has_one_review() throws Exception {
        Api admin = admin();
        Api dev = developer();
        String slug = "rate-" + UUID.randomUUID().toString().substring(0, 8);
        publish(dev, admin, slug);
        int storeCount = 5;
        List<String> stores = new ArrayList<>();
        List<Api> owners = new ArrayList<>();
        for (int i = 0; i < storeCount; i++) {
            String store = Stores.uniqueSlug("rev-c" + i);
            Api owner = Stores.onboardAndSignIn(admin, store);
            install(owner, store, slug);
            stores.add(store);
            owners.add(owner);
        }

        // every store writes at once, each twice (its first review racing its own change): stars i+1, then 5
        List<Callable<Integer>> writes = new ArrayList<>();
        for (int i = 0; i < storeCount; i++) {
            Api owner = owners.get(i);
            String path = review(stores.get(i), slug);
            int stars = i + 1;
            writes.add(() -> owner.put(path, review(stars, "first", null)).status());
            writes.add(() -> owner.put(path, review(5, "second", null)).status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(writes.size());
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> status : pool.invokeAll(writes)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).allMatch(status -> status == 200 || status == 201 || status == 409, statuses.toString());
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(storeCount);

        // the rating equals what the stored reviews add up to: one per store, no lost or doubled delta
        JsonObject reviews = owners.get(0)
                .get("api/stores/" + stores.get(0) + "/catalog/" + slug + "/reviews?size=50")
                .json();
        List<Integer> stars = reviews.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getInt("stars"))
                .toList();
        assertThat(stars).hasSize(storeCount);
        assertThat(reviews.getInt("ratingCount")).isEqualTo(storeCount);
        int sum = stars.stream().mapToInt(Integer::intValue).sum();
        assertThat(reviews.getString("ratingAverage"))
                .isEqualTo(java.math.BigDecimal.valueOf(sum)
                        .divide(java.math.BigDecimal.valueOf(storeCount), 1, java.math.RoundingMode.HALF_UP)
                        .toPlainString());
    }

    /** A free listing with its 1.0.0 published (the echo test bundle under {@code slug}). */
    private static void publish(Api dev, Api admin, String slug) {
        Marketplace.listed(dev, admin, slug, Json.createObjectBuilder().add("model", "FREE"));
    }

    private static void install(Api owner, String store, String slug) {
        Marketplace.install(owner, store, slug);
    }

    private Api developer() {
        return anonymous().withToken(Stores.demoToken("dev"));
    }

    private static String review(String store, String slug) {
        return "api/stores/" + store + "/catalog/" + slug + "/review";
    }

    private static JsonObject review(int stars, String title, String body) {
        var json = Json.createObjectBuilder().add("stars", stars);
        if (title != null) {
            json.add("title", title);
        }
        if (body != null) {
            json.add("body", body);
        }
        return json.build();
    }

    private static List<JsonObject> search(Api api, String store, String query) {
        Api.Reply reply = api.get("api/stores/" + store + "/catalog?" + query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.parse().asJsonArray().getValuesAs(JsonObject.class);
    }

    private static List<String> fields(Api.Reply problem) {
        return problem.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field"))
                .distinct()
                .toList();
    }
}
