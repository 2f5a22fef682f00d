package io.caravan.platform.it.postgresql;

import static io.caravan.platform.it.support.Sql.bind;
import static io.caravan.platform.it.support.Sql.single;
import static io.caravan.platform.it.support.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.Marketplace;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.PostgresDatabase;
import io.caravan.platform.it.support.Stores;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Listing reviews on PostgreSQL: public to read, but only the store bound to the transaction writes its row. */
class ReviewsRowLevelSecurityIT extends PlatformIT {
    /** The second wall for reviews: everyone reads them, only the store bound to the transaction writes its row. */
    @Test
    void on_postgresql_only_the_bound_store_can_write_its_review_row() throws SQLException {
        Api admin = admin();
        Api dev = developer();
        String slug = "rate-" + UUID.randomUUID().toString().substring(0, 8);
        publish(dev, admin, slug);
        String a = Stores.uniqueSlug("rls-ra");
        String b = Stores.uniqueSlug("rls-rb");
        Api ownerA = Stores.onboardAndSignIn(admin, a);
        Api ownerB = Stores.onboardAndSignIn(admin, b);
        install(ownerA, a, slug);
        assertThat(ownerA.put(review(a, slug), review(5, "Solid", null)).status())
                .isEqualTo(201);

        try (Connection app = PostgresDatabase.connectAsApplication()) {
            String storeA = single(app, "select id from stores where slug = ?", a);
            String storeB = single(app, "select id from stores where slug = ?", b);
            app.setAutoCommit(false);
            // nobody bound, or B bound: A's review is readable (it is public) but cannot be changed
            assertThat(update(app, "update listing_reviews set stars = 1 where store_id = ?", storeA))
                    .isZero();
            assertThat(update(app, "delete from listing_reviews where store_id = ?", storeA))
                    .isZero();
            app.commit();
            bind(app, storeB);
            assertThat(single(app, "select stars::text from listing_reviews where store_id = ?", storeA))
                    .isEqualTo("5");
            assertThat(update(app, "update listing_reviews set stars = 1 where store_id = ?", storeA))
                    .isZero();
            assertThat(update(app, "delete from listing_reviews where store_id = ?", storeA))
                    .isZero();
            app.commit();
            bind(app, storeB);
            try (PreparedStatement forged = app.prepareStatement(
                    "insert into listing_reviews (id, listing_id, plugin_id,"
                            + " store_id, stars, author, created_at, updated_at, version) select '00000000-0000-0000-0000-0000000000cc',"
                            + " listing_id, plugin_id, ?, 1, 'mallory', now(), now(), 1 from listing_reviews where store_id = ?")) {
                forged.setString(1, storeA);
                forged.setString(2, storeA);
                org.assertj.core.api.Assertions.assertThatThrownBy(forged::executeUpdate)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("row-level security");
            }
            app.rollback();

            // the reviews list never carries a store id
            Api.Reply listed = ownerB.get("api/stores/" + b + "/catalog/" + slug + "/reviews");
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.body()).doesNotContain(storeA).doesNotContain(storeB);
            assertThat(dev.get("api/developer/listings/" + slug + "/reviews").body())
                    .doesNotContain(storeA);
        }
        JsonObject own = ownerA.get(review(a, slug)).json();
        assertThat(own.getInt("stars")).isEqualTo(5);
        assertThat(own.getInt("ratingCount")).isEqualTo(1);
    }

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
}
