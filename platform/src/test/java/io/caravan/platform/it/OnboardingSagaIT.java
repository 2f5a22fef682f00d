package io.caravan.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.KeycloakProxy;
import io.caravan.platform.it.support.KeycloakServer;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.Stores;
import io.caravan.platform.testing.Poll;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Onboarding's identity saga under real concurrency and real network failures: the platform
 * reaches Keycloak's admin API through {@link KeycloakProxy}, which holds requests or cuts their
 * answers after Keycloak carried them out. Whatever happens, there is one store per slug, its
 * organization has exactly the winner as member, and nothing is left in Keycloak for a loser or a
 * failed attempt.
 */
class OnboardingSagaIT extends PlatformIT {
    private static final String ORGANIZATIONS = "/admin/realms/caravan/organizations";
    private static final String USERS = "/admin/realms/caravan/users";
    private static final String MEMBERS = "/admin/realms/caravan/organizations/[^/]+/members";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final KeycloakProxy proxy = KeycloakProxy.get();
    private final KeycloakServer keycloak = KeycloakServer.get();
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void disarm() {
        proxy.reset();
        callers.shutdownNow();
    }

    @Test
    void rivals_are_turned_away_while_the_first_attempt_is_inside_keycloak() throws Exception {
        Api admin = admin();
        String slug = Stores.uniqueSlug("held");
        String ownerEmail = Stores.ownerEmail(slug);
        String rivalEmail = "rival@" + slug + ".test";
        JsonObject request = Stores.onboardRequest(slug, ownerEmail);

        KeycloakProxy.Fault held = proxy.hold("POST", ORGANIZATIONS);
        Future<Api.Reply> first = callers.submit(() -> admin.post("api/admin/stores", request));
        held.awaitArrival(WAIT);

        // The first attempt holds the slug and is inside Keycloak now; rivals arrive together.
        List<JsonObject> rivals = List.of(request, request, Stores.onboardRequest(slug, rivalEmail));
        List<Api.Reply> refused = concurrently(admin, rivals);
        for (Api.Reply reply : refused) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
            assertThat(reply.json().getString("type")).endsWith("/onboarding-in-progress");
        }
        assertThat(first.isDone()).as("the first attempt is still held").isFalse();
        assertThat(keycloak.userExists(rivalEmail)).isFalse();

        held.release();
        Api.Reply created = first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        // Retried now: the identical request gets the store, the rival a plain conflict.
        Api.Reply repeated = admin.post("api/admin/stores", request);
        assertThat(repeated.status()).as(repeated.toString()).isEqualTo(200);
        assertThat(repeated.json().getString("createdAt"))
                .isEqualTo(created.json().getString("createdAt"));
        Api.Reply rival = admin.post("api/admin/stores", Stores.onboardRequest(slug, rivalEmail));
        assertThat(rival.status()).as(rival.toString()).isEqualTo(409);
        assertThat(rival.json().getString("type")).endsWith("/conflict");

        assertThat(keycloak.organizationMemberEmails(slug)).containsExactly(ownerEmail);
        assertThat(keycloak.userExists(rivalEmail)).isFalse();
        assertOneStore(admin, slug, ownerEmail);
    }

    @Test
    void an_unsynchronised_race_makes_one_store_whoever_wins() throws Exception {
        Api admin = admin();
        String slug = Stores.uniqueSlug("race");
        String ownerEmail = Stores.ownerEmail(slug);
        String rivalEmail = "rival@" + slug + ".test";
        List<JsonObject> requests = List.of(
                Stores.onboardRequest(slug, ownerEmail),
                Stores.onboardRequest(slug, rivalEmail),
                Stores.onboardRequest(slug, ownerEmail),
                Stores.onboardRequest(slug, rivalEmail));

        List<Api.Reply> replies = concurrently(admin, requests);

        List<Integer> statuses = replies.stream().map(Api.Reply::status).toList();
        assertThat(statuses).as(replies.toString()).isSubsetOf(200, 201, 409).containsOnlyOnce(201);
        String winner =
                replies.get(statuses.indexOf(201)).json().getJsonObject("owner").getString("email");
        String loser = winner.equals(ownerEmail) ? rivalEmail : ownerEmail;
        for (int i = 0; i < requests.size(); i++) {
            boolean sameAsWinner =
                    requests.get(i).getJsonObject("owner").getString("email").equals(winner);
            if (!sameAsWinner) {
                assertThat(statuses.get(i))
                        .as("the other owner's request loses: " + replies.get(i))
                        .isEqualTo(409);
            }
        }
        assertThat(keycloak.organizationMemberEmails(slug)).containsExactly(winner);
        assertThat(keycloak.userExists(loser))
                .as("no user is left for the loser")
                .isFalse();
        assertOneStore(admin, slug, winner);
    }

    @Test
    void an_organization_whose_creation_answer_was_lost_is_removed() {
        assertLostAnswerLeavesNothing(ORGANIZATIONS);
    }

    @Test
    void a_user_whose_creation_answer_was_lost_is_removed() {
        assertLostAnswerLeavesNothing(USERS);
    }

    @Test
    void a_lost_membership_answer_undoes_the_organization_and_the_user() {
        assertLostAnswerLeavesNothing(MEMBERS);
    }

    @Test
    void a_person_who_already_had_an_account_keeps_it_when_a_second_store_fails() {
        Api admin = admin();
        String firstSlug = Stores.uniqueSlug("kept");
        String email = Stores.ownerEmail(firstSlug);
        assertThat(admin.post("api/admin/stores", Stores.onboardRequest(firstSlug, email))
                        .status())
                .isEqualTo(201);
        String secondSlug = Stores.uniqueSlug("kept2");

        KeycloakProxy.Fault lost = proxy.loseAnswer("POST", MEMBERS);
        Api.Reply failed = admin.post("api/admin/stores", Stores.onboardRequest(secondSlug, email));
        assertThat(lost.hasFired()).isTrue();
        assertThat(failed.status()).as(failed.toString()).isEqualTo(503);

        assertThat(keycloak.organizationExists(secondSlug)).isFalse();
        assertThat(keycloak.userExists(email))
                .as("an adopted account is never deleted")
                .isTrue();
        assertThat(keycloak.organizationMemberEmails(firstSlug)).containsExactly(email);
        Api owner = admin.withToken(Stores.signIn(email));
        assertThat(owner.get("api/stores/" + firstSlug).status()).isEqualTo(200);
    }

    @Test
    void an_attempt_stalled_past_its_claim_loses_the_slug_and_withdraws_its_owner() throws Exception {
        Api admin = admin();
        String slug = Stores.uniqueSlug("stall");
        String stalledEmail = Stores.ownerEmail(slug);
        String laterEmail = "later@" + slug + ".test";

        KeycloakProxy.Fault held = proxy.hold("POST", ORGANIZATIONS);
        Future<Api.Reply> stalled =
                callers.submit(() -> admin.post("api/admin/stores", Stores.onboardRequest(slug, stalledEmail)));
        held.awaitArrival(WAIT);

        // Until the stalled attempt's claim expires (8 s in the tests) a later one is told to
        // retry; then it takes the slug over and completes.
        Api.Reply later = retryWhileInProgress(admin, Stores.onboardRequest(slug, laterEmail));
        assertThat(later.status()).as(later.toString()).isEqualTo(201);
        assertThat(stalled.isDone()).isFalse();

        held.release();
        Api.Reply lost = stalled.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(lost.status()).as(lost.toString()).isEqualTo(409);
        assertThat(lost.json().getString("type")).endsWith("/conflict");

        assertThat(keycloak.organizationMemberEmails(slug))
                .as("the stalled attempt's owner left the winner's organization")
                .containsExactly(laterEmail);
        assertThat(keycloak.userExists(stalledEmail))
                .as("the user the stalled attempt created is gone")
                .isFalse();
        assertOneStore(admin, slug, laterEmail);
    }

    private void assertLostAnswerLeavesNothing(String path) {
        Api admin = admin();
        String slug = Stores.uniqueSlug("lost");
        String email = Stores.ownerEmail(slug);
        JsonObject request = Stores.onboardRequest(slug, email);

        KeycloakProxy.Fault lost = proxy.loseAnswer("POST", path);
        Api.Reply failed = admin.post("api/admin/stores", request);
        assertThat(lost.hasFired())
                .as("the answer to POST " + path + " was cut")
                .isTrue();
        assertThat(failed.status()).as(failed.toString()).isEqualTo(503);
        assertThat(failed.json().getString("type")).endsWith("/identity-unavailable");

        assertThat(keycloak.organizationExists(slug))
                .as("no orphan organization")
                .isFalse();
        assertThat(keycloak.userExists(email)).as("no orphan user").isFalse();
        assertThat(admin.get("api/admin/stores/" + slug).status()).isEqualTo(404);

        // The claim was given up with the attempt: a retry goes straight through.
        Api.Reply retried = admin.post("api/admin/stores", request);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(keycloak.organizationMemberEmails(slug)).containsExactly(email);
    }

    private Api.Reply retryWhileInProgress(Api admin, JsonObject request) throws Exception {
        return Poll.until(
                () -> admin.post("api/admin/stores", request),
                reply ->
                        reply.status() != 409 || !reply.json().getString("type").endsWith("/onboarding-in-progress"),
                WAIT,
                Duration.ofMillis(250));
    }

    /** Sends the requests at the same moment, each from its own thread. */
    private List<Api.Reply> concurrently(Api admin, List<JsonObject> requests) throws Exception {
        CountDownLatch ready = new CountDownLatch(requests.size());
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Api.Reply>> pending = new ArrayList<>();
        for (JsonObject request : requests) {
            pending.add(CompletableFuture.supplyAsync(
                    () -> {
                        ready.countDown();
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return admin.post("api/admin/stores", request);
                    },
                    callers));
        }
        assertThat(ready.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<Api.Reply> replies = new ArrayList<>();
        for (CompletableFuture<Api.Reply> reply : pending) {
            replies.add(reply.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        return replies;
    }

    private static void assertOneStore(Api admin, String slug, String ownerEmail) {
        assertThat(admin.get("api/admin/stores?q=" + slug)
                        .json()
                        .getJsonNumber("total")
                        .longValue())
                .isEqualTo(1);
        JsonObject store = admin.get("api/admin/stores/" + slug).json();
        assertThat(store.getJsonObject("owner").getString("email")).isEqualTo(ownerEmail);
    }
}
