package io.caravan.platform.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.identity.domain.CaravanUser;
import io.caravan.platform.tenancy.domain.Actor;
import io.caravan.platform.tenancy.domain.ApiKeyScope;
import io.caravan.platform.tenancy.domain.StoreRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestGateTest {
    private static final CaravanUser MARA =
            new CaravanUser("u-1", "mara", "mara@shop.test", Set.of(), Set.of("lisbon-ceramics"));
    private static final CaravanUser ADMIN =
            new CaravanUser("u-2", "ada", "ada@caravan.test", Set.of(CaravanUser.PLATFORM_ADMIN), Set.of());

    private final List<String> storeChecks = new ArrayList<>();
    private final RequestGate gate = new RequestGate();

    RequestGateTest() {
        gate.caller = new RequestCaller();
        gate.storeAccess = new StoreAccess() {
            @Override
            public StoreContext authorizeMember(String slug, String userId, String username, StoreRole required) {
                storeChecks.add("member " + slug + " " + userId + " " + required);
                return new StoreContext("s-1", slug, Actor.user(username), StoreRole.OWNER);
            }

            @Override
            public StoreContext authorizeApiKey(String slug, String presentedKey, ApiKeyScope required) {
                storeChecks.add("key " + slug + " " + presentedKey + " " + required);
                return new StoreContext("s-1", slug, Actor.apiKey("k-1"), null);
            }
        };
    }

    @Access(Access.Audience.PLATFORM_ADMIN)
    void adminEndpoint() {}

    @Access(Access.Audience.AUTHENTICATED)
    void signedInEndpoint() {}

    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER, apiKeyScope = ApiKeyScope.TAX_QUOTE)
    void storeEndpoint() {}

    @Test
    void aSignedInUserIsRecorded() {
        gate.admit(rule("signedInEndpoint"), MARA, null, null);

        assertThat(gate.caller.user()).isEqualTo(MARA);
        assertThat(gate.caller.actor()).isEqualTo(Actor.user("mara"));
    }

    @Test
    void onlyPlatformAdminsPassAnAdminRule() {
        gate.admit(rule("adminEndpoint"), ADMIN, null, null);

        assertThatThrownBy(() -> gate.admit(rule("adminEndpoint"), MARA, null, null))
                .isInstanceOfSatisfying(
                        AccessRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AccessRefusedException.Reason.FORBIDDEN))
                .hasMessage("Only platform admins may do this.");
    }

    @Test
    void anApiKeyCannotCallAnEndpointForPeople() {
        assertThatThrownBy(() -> gate.admit(rule("signedInEndpoint"), null, "ck_key", null))
                .isInstanceOf(AccessRefusedException.class)
                .hasMessage("API keys cannot call this endpoint; sign in instead.");
    }

    @Test
    void aUserOutsideTheStoresOrganizationIsRefusedBeforeTheStoreIsAsked() {
        assertThatThrownBy(() -> gate.admit(rule("storeEndpoint"), MARA, null, "osaka-tea"))
                .isInstanceOf(AccessRefusedException.class)
                .hasMessage("You are not a member of store 'osaka-tea'.");
        assertThat(storeChecks).isEmpty();
    }

    @Test
    void storeAccessDecidesForMembersAndApiKeys() {
        gate.admit(rule("storeEndpoint"), MARA, null, "lisbon-ceramics");
        assertThat(gate.caller.store().slug()).isEqualTo("lisbon-ceramics");

        RequestGate other = new RequestGate();
        other.caller = new RequestCaller();
        other.storeAccess = gate.storeAccess;
        other.admit(rule("storeEndpoint"), null, "ck_key", "lisbon-ceramics");
        assertThat(other.caller.actor()).isEqualTo(Actor.apiKey("k-1"));

        assertThat(storeChecks)
                .containsExactly("member lisbon-ceramics u-1 OWNER", "key lisbon-ceramics ck_key TAX_QUOTE");
    }

    private static Access rule(String method) {
        try {
            return RequestGateTest.class.getDeclaredMethod(method).getAnnotation(Access.class);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }
}
