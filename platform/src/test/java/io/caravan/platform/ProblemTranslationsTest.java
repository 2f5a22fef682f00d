package io.caravan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.host.api.HostProblems;
import io.caravan.platform.host.application.FailureKind;
import io.caravan.platform.host.application.PluginFailedException;
import io.caravan.platform.host.application.PluginFailure;
import io.caravan.platform.host.application.PluginRefusalException;
import io.caravan.platform.identity.api.IdentityProblems;
import io.caravan.platform.identity.application.IdentityRejectedException;
import io.caravan.platform.identity.application.IdentityUnavailableException;
import io.caravan.platform.shared.api.Problem;
import io.caravan.platform.shared.api.ProblemTranslation;
import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.platform.tenancy.api.TenancyProblems;
import io.caravan.platform.tenancy.application.AccessRefusedException;
import io.caravan.sdk.plugin.ExtensionPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each context translates its own failures into the very problem documents clients have always
 * received (type URI, title, status, detail), and leaves everybody else's alone.
 */
class ProblemTranslationsTest {
    private static final List<ProblemTranslation> ALL =
            List.of(new IdentityProblems(), new HostProblems(), new TenancyProblems());

    @Test
    void identity() {
        assertThat(answer(new IdentityProblems(), new IdentityUnavailableException("connect timed out")))
                .isEqualTo("https://caravan.io/problems/identity-unavailable 503 Identity provider unavailable: "
                        + "The identity provider is not reachable right now; nothing was changed. Retry later.");
        assertThat(answer(new IdentityProblems(), new IdentityRejectedException("Keycloak rejected create user: bad")))
                .isEqualTo("https://caravan.io/problems/identity-rejected 422 Identity provider refused the request: "
                        + "Keycloak rejected create user: bad");
    }

    @Test
    void host() {
        assertThat(answer(new HostProblems(), new PluginRefusalException("tax", "NOT_SERVED", "no duties to Mars")))
                .isEqualTo("https://caravan.io/problems/plugin-refused 422 Refused by the store's plugin: "
                        + "Plugin tax refused (code NOT_SERVED): no duties to Mars");
        PluginFailure failure =
                new PluginFailure(FailureKind.values()[0], "tax", "1.0.0", ExtensionPoint.values()[0], "timed out");
        assertThat(answer(new HostProblems(), new PluginFailedException(failure)))
                .isEqualTo("https://caravan.io/problems/plugin-failed 503 The store's plugin failed: "
                        + "The step stopped because " + failure.describe()
                        + ". Its failure policy is fail-closed; nothing was changed.");
    }

    @Test
    void tenancy() {
        assertThat(answer(new TenancyProblems(), AccessRefusedException.forbidden("Only platform admins may do this.")))
                .isEqualTo("https://caravan.io/problems/forbidden 403 Not allowed: Only platform admins may do this.");
        assertThat(answer(
                        new TenancyProblems(), AccessRefusedException.invalidCredentials("The API key is malformed.")))
                .isEqualTo("https://caravan.io/problems/invalid-token 401 Invalid or expired credentials: "
                        + "The API key is malformed.");
        assertThat(answer(
                        new TenancyProblems(),
                        new AccessRefusedException(
                                AccessRefusedException.Reason.STORE_SUSPENDED,
                                "Store 'osaka-tea' is suspended by the platform: unpaid")))
                .isEqualTo("https://caravan.io/problems/store-suspended 403 Store suspended: "
                        + "Store 'osaka-tea' is suspended by the platform: unpaid");
    }

    @Test
    void noTranslationClaimsAnotherContextsFailure() {
        assertThat(ALL)
                .allSatisfy(translation -> assertThat(translation.toProblem(new StateConflictException("taken")))
                        .isEmpty());
        assertThat(new HostProblems().toProblem(new IdentityRejectedException("no")))
                .isEmpty();
        assertThat(new IdentityProblems().toProblem(new PluginRefusalException("tax", "X", "no")))
                .isEmpty();
        assertThat(new TenancyProblems().toProblem(new IdentityRejectedException("no")))
                .isEmpty();
    }

    private static String answer(ProblemTranslation translation, Throwable failure) {
        Problem problem = translation.toProblem(failure).orElseThrow();
        assertThat(problem.instance()).isNull();
        assertThat(problem.errors()).isNull();
        return problem.type() + " " + problem.status() + " " + problem.title() + ": " + problem.detail();
    }
}
