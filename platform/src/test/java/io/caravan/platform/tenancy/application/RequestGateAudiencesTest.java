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

/** The audiences RequestGateTest leaves out: public, plugin developers, malformed calls, who the caller is. */
class RequestGateAudiencesTest {
    static final CaravanUser DEV =
            new CaravanUser("u-3", "dev", "dev@caravan.test", Set.of(CaravanUser.PLUGIN_DEVELOPER), Set.of());
    static final CaravanUser MARA =
            new CaravanUser("u-1", "mara", "mara@shop.test", Set.of(), Set.of("lisbon-ceramics"));

    final List<String> storeChecks = new ArrayList<>();
    final RequestGate gate = new RequestGate();

    RequestGateAudiencesTest() {
        gate.caller = new RequestCaller();
        gate.storeAccess = new StoreAccess() {
            @Override
            public StoreContext authorizeMember(String slug, String userId, String username, StoreRole required) {
                storeChecks.add("member " + required);
                return new StoreContext("s-1", slug, Actor.user(username), StoreRole.STAFF);
            }

            @Override
            public StoreContext authorizeApiKey(String slug, String presentedKey, ApiKeyScope required) {
                storeChecks.add("key " + required);
                return new StoreContext("s-1", slug, Actor.apiKey("k-1"), null);
            }
        };
    }

    @Access(Access.Audience.PUBLIC)
    void publicEndpoint() {}

    @Access(Access.Audience.PLUGIN_DEVELOPER)
    void developerEndpoint() {}

    @Access(Access.Audience.PLATFORM_ADMIN)
    void adminEndpoint() {}

    @Access(Access.Audience.STORE)
    void staffEndpointWithoutKeys() {}

    @Test
    void aPublicEndpointAdmitsAnyoneAndRecordsNoOne() {
        gate.admit(rule("publicEndpoint"), null, null, null);
        gate.admit(rule("publicEndpoint"), MARA, "cvk_both", null);

        assertThatThrownBy(() -> gate.caller.user()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRequestNeedsExactlyOneOfAUserAndAKey() {
        assertThatThrownBy(() -> gate.admit(rule("developerEndpoint"), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gate.admit(rule("developerEndpoint"), DEV, "cvk_key", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyPluginDevelopersPassADeveloperRule() {
        gate.admit(rule("developerEndpoint"), DEV, null, null);
        assertThat(gate.caller.user()).isEqualTo(DEV);

        assertThatThrownBy(() -> gate.admit(rule("developerEndpoint"), MARA, null, null))
                .isInstanceOf(AccessRefusedException.class)
                .hasMessage("Only plugin developers may do this.");
        assertThatThrownBy(() -> gate.admit(rule("developerEndpoint"), null, "cvk_key", null))
                .hasMessage("API keys cannot call this endpoint; sign in instead.");
        assertThatThrownBy(() -> gate.admit(rule("adminEndpoint"), null, "cvk_key", null))
                .hasMessage("API keys cannot call this endpoint; sign in instead.");
    }

    @Test
    void aStoreEndpointWithoutStoreParameterIsAProgrammingError() {
        assertThatThrownBy(() -> gate.admit(rule("staffEndpointWithoutKeys"), MARA, null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("{store}");
        assertThat(storeChecks).isEmpty();
    }

    @Test
    void theDefaultsAskForStaffAndNoKeyScope() {
        gate.admit(rule("staffEndpointWithoutKeys"), MARA, null, "lisbon-ceramics");
        RequestGate keyGate = new RequestGate();
        keyGate.caller = new RequestCaller();
        keyGate.storeAccess = gate.storeAccess;
        keyGate.admit(rule("staffEndpointWithoutKeys"), null, "cvk_key", "lisbon-ceramics");

        assertThat(storeChecks).containsExactly("member STAFF", "key null");
        assertThat(gate.caller.actor()).isEqualTo(Actor.user("mara"));
        assertThat(keyGate.caller.store().actor()).isEqualTo(Actor.apiKey("k-1"));
        assertThatThrownBy(() -> keyGate.caller.user())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no signed-in user on this request");
    }

    @Test
    void aNonStoreRequestHasNoStoreAndActsAsTheUser() {
        gate.admit(rule("developerEndpoint"), DEV, null, null);

        assertThat(gate.caller.actor()).isEqualTo(Actor.user("dev"));
        assertThatThrownBy(() -> gate.caller.store())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("not a store request");
    }

    @Test
    void aRefusalCarriesItsReasonAndNoStackTrace() {
        AccessRefusedException refused = AccessRefusedException.invalidCredentials("bad key");

        assertThat(refused.reason()).isEqualTo(AccessRefusedException.Reason.INVALID_CREDENTIALS);
        assertThat(refused.getStackTrace()).isEmpty();
        assertThat(new StoreContext("s-1", "lisbon-ceramics", Actor.SYSTEM, null)
                        .ref()
                        .id())
                .isEqualTo("s-1");
    }

    private static Access rule(String method) {
        try {
            return RequestGateAudiencesTest.class.getDeclaredMethod(method).getAnnotation(Access.class);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }
}
