package io.caravan.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.Marketplace;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.Stores;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two endpoints of the marketplace's review loop: a platform admin declines a submitted version
 * ({@code POST /api/admin/marketplace/versions/{id}/decline}) and a developer edits a listing
 * ({@code PUT /api/developer/listings/{slug}}). What each changes, what it refuses (problem+json
 * naming the field, and nothing changed), and the state rules.
 */
class ListingModerationIT extends PlatformIT {
    private Api developer() {
        return anonymous().withToken(Stores.demoToken("dev"));
    }

    private static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonObject reason(String text) {
        return Json.createObjectBuilder().add("reason", text).build();
    }

    private static void assertProblem(Api.Reply reply, int status, String type, String... named) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.isProblem()).as(reply.toString()).isTrue();
        JsonObject problem = reply.json();
        assertThat(problem.getString("type")).endsWith("/" + type);
        assertThat(problem.getInt("status")).isEqualTo(status);
        for (String field : named) {
            assertThat(problem.getString("detail"))
                    .as("the problem names the field")
                    .contains(field);
        }
    }

    private static JsonObject version(Api dev, String slug, String version) {
        Api.Reply reply = dev.get("api/developer/listings/" + slug + "/versions/" + version);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> queue(Api admin) {
        return admin.get("api/admin/marketplace/reviews").parse().asJsonArray().getValuesAs(JsonObject.class).stream()
                .map(v -> v.getString("id"))
                .toList();
    }

    private static String upload(Api dev, String slug, String version) {
        Api.Reply uploaded = dev.upload(
                "api/developer/listings/" + slug + "/versions", Marketplace.echo(slug, version), Marketplace.JAR);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.json().getString("status")).isEqualTo("PASSED");
        return uploaded.json().getString("id");
    }

    private static void submit(Api dev, String slug, String version) {
        Api.Reply submitted = dev.post(
                "api/developer/listings/" + slug + "/versions/" + version + "/submit", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.json().getString("status")).isEqualTo("IN_REVIEW");
    }

    @Test
    void declining_a_version_in_review_records_the_reason_for_the_developer_and_takes_it_out_of_the_queue() {
        Api admin = admin();
        Api dev = developer();
        String slug = slug("decl");
        Marketplace.create(dev, slug, Marketplace.free());
        String id = upload(dev, slug, "1.0.0");
        String decline = "api/admin/marketplace/versions/" + id + "/decline";

        assertProblem(admin.post(decline, reason("not yet")), 409, "conflict", "passed");
        assertThat(version(dev, slug, "1.0.0").getString("status"))
                .as("a version not submitted cannot be declined")
                .isEqualTo("PASSED");

        submit(dev, slug, "1.0.0");
        assertThat(queue(admin)).contains(id);

        // refused, and nothing changes
        assertProblem(admin.post(decline, JsonValue.EMPTY_JSON_OBJECT), 400, "validation", "reason");
        assertProblem(admin.post(decline, reason("   ")), 400, "validation", "reason");
        Api.Reply tooLong = admin.post(decline, reason("x".repeat(501)));
        assertProblem(tooLong, 400, "validation", "reason");
        assertThat(tooLong.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field"))
                .containsExactly("reason");
        assertProblem(admin.send("POST", decline, "{\"reason\":"), 400, "malformed-request");
        assertProblem(
                admin.post("api/admin/marketplace/versions/" + UUID.randomUUID() + "/decline", reason("no such")),
                404,
                "not-found");
        Api.Reply byDeveloper = dev.post(decline, reason("I decline my own"));
        assertThat(byDeveloper.status()).as(byDeveloper.toString()).isEqualTo(403);
        assertThat(byDeveloper.isProblem()).isTrue();
        JsonObject untouched = version(dev, slug, "1.0.0");
        assertThat(untouched.getString("status")).isEqualTo("IN_REVIEW");
        assertThat(absent(untouched, "statusReason")).as("no reason recorded").isTrue();
        assertThat(queue(admin)).contains(id);

        Api.Reply declined = admin.post(decline, reason("  The tax rate is hard-coded; read it from configuration.  "));
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(declined.json().getString("status")).isEqualTo("DECLINED");
        JsonObject seen = version(dev, slug, "1.0.0");
        assertThat(seen.getString("status")).isEqualTo("DECLINED");
        assertThat(seen.getString("statusReason"))
                .as("the developer reads the reason, trimmed")
                .isEqualTo("The tax rate is hard-coded; read it from configuration.");
        assertThat(seen.getString("reviewedBy")).isEqualTo("ada");
        assertThat(seen.getString("reviewedAt")).isNotBlank();
        assertThat(queue(admin))
                .as("a declined version leaves the review queue")
                .doesNotContain(id);

        // state rules: only a version in review is declined or approved
        assertProblem(admin.post(decline, reason("again")), 409, "conflict", "declined");
        assertProblem(
                admin.post("api/admin/marketplace/versions/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT),
                409,
                "conflict",
                "declined");
        assertThat(version(dev, slug, "1.0.0").getString("statusReason"))
                .isEqualTo("The tax rate is hard-coded; read it from configuration.");

        // a declined version was never installable, so its number is not spent: the fixed upload
        // starts over, its review forgotten; once approved it can no longer be declined
        String again = upload(dev, slug, "1.0.0");
        JsonObject fresh = version(dev, slug, "1.0.0");
        assertThat(fresh.getString("status")).isEqualTo("PASSED");
        assertThat(absent(fresh, "statusReason")).isTrue();
        assertThat(absent(fresh, "reviewedBy")).isTrue();
        submit(dev, slug, "1.0.0");
        assertThat(admin.post("api/admin/marketplace/versions/" + again + "/approve", JsonValue.EMPTY_JSON_OBJECT)
                        .status())
                .isEqualTo(200);
        assertProblem(
                admin.post("api/admin/marketplace/versions/" + again + "/decline", reason("too late")),
                409,
                "conflict",
                "available");
        assertThat(version(dev, slug, "1.0.0").getString("status")).isEqualTo("AVAILABLE");
    }

    @Test
    void editing_a_listing_changes_everything_but_its_slug_and_refuses_bad_fields_without_changing_anything() {
        Api admin = admin();
        Api dev = developer();
        String slug = slug("edit");
        Marketplace.create(dev, slug, Marketplace.free());
        String path = "api/developer/listings/" + slug;

        String otherSlug = slug("renamed");
        JsonObject edit = Json.createObjectBuilder()
                .add("slug", otherSlug)
                .add("name", "  Edited Tax  ")
                .add("summary", "Edited summary")
                .add("descriptions", Json.createObjectBuilder().add("de", "Bearbeitet."))
                .add("categories", Json.createArrayBuilder().add("tax"))
                .add("kinds", Json.createArrayBuilder().add("TAX"))
                .add("countries", Json.createArrayBuilder().add("DE").add("AT"))
                .add(
                        "pricing",
                        Json.createObjectBuilder()
                                .add("model", "SUBSCRIPTION")
                                .add("amountMinor", 1200)
                                .add("currency", "EUR")
                                .add("trialDays", 30))
                .add("supportEmail", "help@edited.example")
                .add("supportUrl", "https://edited.example/help")
                .add("status", "SUSPENDED")
                .build();
        Api.Reply edited = dev.put(path, edit);
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        JsonObject listing = dev.get(path).json();
        // The platform clock ticks in microseconds, the databases' precision: the answer is exactly
        // what was stored, updatedAt included.
        assertThat(listing).as("the answer is what was stored").isEqualTo(edited.json());
        assertThat(Instant.parse(listing.getString("updatedAt")))
                .isAfter(Instant.parse(listing.getString("createdAt")));
        assertThat(listing.getString("slug")).as("the slug never changes").isEqualTo(slug);
        assertThat(dev.get("api/developer/listings/" + otherSlug).status()).isEqualTo(404);
        assertThat(listing.getString("name")).isEqualTo("Edited Tax");
        assertThat(listing.getString("summary")).isEqualTo("Edited summary");
        assertThat(listing.getJsonObject("descriptions"))
                .isEqualTo(Json.createObjectBuilder().add("de", "Bearbeitet.").build());
        assertThat(listing.getJsonArray("categories").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("tax");
        assertThat(listing.getJsonArray("countries").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("AT", "DE");
        JsonObject pricing = listing.getJsonObject("pricing");
        assertThat(Map.of(
                        "model", pricing.getString("model"),
                        "amountMinor", pricing.getJsonNumber("amountMinor").longValue(),
                        "currency", pricing.getString("currency"),
                        "trialDays", pricing.getInt("trialDays")))
                .isEqualTo(Map.of("model", "SUBSCRIPTION", "amountMinor", 1200L, "currency", "EUR", "trialDays", 30));
        assertThat(listing.getString("supportEmail")).isEqualTo("help@edited.example");
        assertThat(listing.getString("supportUrl")).isEqualTo("https://edited.example/help");
        assertThat(listing.getString("status"))
                .as("the listing's status is not the developer's to set")
                .isEqualTo("ACTIVE");

        // every refusal names the field and leaves the listing as it was
        Map<String, JsonObject> bad = Map.of(
                "name", with(edit, "name", Json.createValue("  ")),
                "pricing.currency", with(edit, "pricing", pricing("SUBSCRIPTION", 1200, "EURO", 30)),
                "pricing.trialDays", with(edit, "pricing", pricing("ONE_TIME", 1200, "EUR", 7)),
                "pricing.amountMinor", with(edit, "pricing", pricing("USAGE", 0, "EUR", 0)),
                "countries",
                        with(
                                edit,
                                "countries",
                                Json.createArrayBuilder().add("France").build()),
                "supportUrl", with(edit, "supportUrl", Json.createValue("http://edited.example")),
                "supportEmail", with(edit, "supportEmail", Json.createValue("nobody")),
                "descriptions", with(edit, "descriptions", JsonValue.EMPTY_JSON_OBJECT),
                "kinds",
                        with(
                                edit,
                                "kinds",
                                Json.createArrayBuilder().add("ROCKET").build()));
        bad.forEach((field, body) -> assertProblem(dev.put(path, body), 400, "validation", field));
        assertProblem(dev.send("PUT", path, "{\"name\": "), 400, "malformed-request");
        assertThat(dev.get(path).json()).as("unchanged by every refused edit").isEqualTo(listing);

        // the owner only: another audience is refused, an unknown listing is a 404
        Api.Reply byAdmin = admin.put(path, with(edit, "name", Json.createValue("Admin was here")));
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(403);
        assertThat(byAdmin.isProblem()).isTrue();
        assertProblem(dev.put("api/developer/listings/" + slug("missing"), edit), 404, "not-found");
        assertThat(dev.get(path).json()).isEqualTo(listing);

        // a suspended listing stays suspended through an edit: only a platform admin reinstates it
        Api.Reply suspended =
                admin.post("api/admin/marketplace/listings/" + slug + "/suspend", reason("Support address bounces"));
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        Api.Reply editedWhileSuspended = dev.put(
                path,
                with(
                        with(edit, "supportEmail", Json.createValue("new@edited.example")),
                        "status",
                        Json.createValue("ACTIVE")));
        assertThat(editedWhileSuspended.status())
                .as(editedWhileSuspended.toString())
                .isEqualTo(200);
        JsonObject after = dev.get(path).json();
        assertThat(after.getString("supportEmail")).isEqualTo("new@edited.example");
        assertThat(after.getString("status")).isEqualTo("SUSPENDED");
        assertThat(after.getString("statusReason")).isEqualTo("Support address bounces");
    }

    private static boolean absent(JsonObject object, String member) {
        return !object.containsKey(member) || object.isNull(member);
    }

    private static JsonObject pricing(String model, long amount, String currency, int trialDays) {
        return Json.createObjectBuilder()
                .add("model", model)
                .add("amountMinor", amount)
                .add("currency", currency)
                .add("trialDays", trialDays)
                .build();
    }

    private static JsonObject with(JsonObject body, String field, JsonValue value) {
        return Json.createObjectBuilder(body).add(field, value).build();
    }
}
