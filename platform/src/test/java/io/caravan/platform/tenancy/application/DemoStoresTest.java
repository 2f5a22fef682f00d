package io.caravan.platform.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.tenancy.domain.Actor;
import io.caravan.platform.tenancy.domain.StoreMembership;
import io.caravan.platform.tenancy.domain.StoreRole;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The demo data: the stores are onboarded, then their demo staff invited, and the realm has those people. */
class DemoStoresTest {
    private final List<String> calls = new ArrayList<>();
    private final DemoStores demo = new DemoStores();

    DemoStoresTest() {
        demo.onboarding = new StoreOnboarding() {
            @Override
            public OnboardingResult onboard(OnboardStoreCommand command, Actor actor) {
                calls.add("onboard " + command.slug() + " as " + actor.name());
                return new OnboardingResult(null, true);
            }
        };
        demo.storeAccess = new StoreAccess() {
            @Override
            public Optional<StoreContext> asPlatform(String slug) {
                return Optional.of(new StoreContext("id-" + slug, slug, Actor.SYSTEM, StoreRole.OWNER));
            }
        };
        demo.staff = new StoreStaff() {
            @Override
            public StoreMembership invite(StoreContext context, String email, String firstName, String lastName) {
                calls.add("invite " + email + " to " + context.slug());
                return null;
            }
        };
    }

    @Test
    void the_demo_staff_member_is_invited_to_lisbon_ceramics_after_the_stores_are_onboarded() {
        demo.enabled = true;
        demo.seed(new Object());
        assertThat(calls)
                .containsExactly(
                        "onboard lisbon-ceramics as " + Actor.SYSTEM.name(),
                        "onboard osaka-tea as " + Actor.SYSTEM.name(),
                        "invite tomas@lisbon-ceramics.test to lisbon-ceramics");
    }

    @Test
    void nothing_is_seeded_when_the_demo_is_off() {
        demo.enabled = false;
        demo.seed(new Object());
        assertThat(calls).isEmpty();
    }

    @Test
    void the_realm_has_the_demo_staff_member_in_the_store_organization_and_a_second_developer() throws IOException {
        JsonObject realm;
        try (var reader = Json.createReader(
                new StringReader(Files.readString(Path.of("src/main/keycloak/caravan-realm.json"))))) {
            realm = reader.readObject();
        }
        JsonObject tomas = user(realm, "tomas");
        assertThat(tomas.getString("email")).isEqualTo("tomas@lisbon-ceramics.test");
        assertThat(tomas.containsKey("realmRoles"))
                .as("staff is no developer or admin")
                .isFalse();
        List<String> lisbon = realm.getJsonArray("organizations").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("alias").equals("lisbon-ceramics"))
                .flatMap(o -> o.getJsonArray("members").getValuesAs(JsonObject.class).stream())
                .map(m -> m.getString("username"))
                .toList();
        assertThat(lisbon).containsExactlyInAnyOrder("mara", "tomas");
        assertThat(user(realm, "ines").getJsonArray("realmRoles").getString(0)).isEqualTo("plugin-developer");
        assertThat(user(realm, "ines").getString("email"))
                .isNotEqualTo(user(realm, "dev").getString("email"));
    }

    private static JsonObject user(JsonObject realm, String username) {
        return realm.getJsonArray("users").getValuesAs(JsonObject.class).stream()
                .filter(u -> u.getString("username").equals(username))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no realm user " + username));
    }
}
