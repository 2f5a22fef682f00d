package io.caravan.platform.identity.api;

import io.caravan.platform.identity.application.IdentityRejectedException;
import io.caravan.platform.identity.application.IdentityUnavailableException;
import io.caravan.platform.shared.api.Problem;
import io.caravan.platform.shared.api.ProblemTranslation;
import io.caravan.platform.shared.api.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The identity provider's failures as problem documents: unreachable (503, retry later; what went
 * wrong on the way to the provider is not shown) or refusing the request (422, with its reason).
 */
@ApplicationScoped
public class IdentityProblems implements ProblemTranslation {
    public static final ProblemType IDENTITY_REJECTED =
            ProblemType.of("identity-rejected", "Identity provider refused the request", 422);
    public static final ProblemType IDENTITY_UNAVAILABLE =
            ProblemType.of("identity-unavailable", "Identity provider unavailable", 503);

    @Override
    public Optional<Problem> toProblem(Throwable failure) {
        if (failure instanceof IdentityUnavailableException) {
            return Optional.of(Problem.of(
                    IDENTITY_UNAVAILABLE,
                    "The identity provider is not reachable right now; nothing was changed. Retry later."));
        }
        if (failure instanceof IdentityRejectedException rejected) {
            return Optional.of(Problem.of(IDENTITY_REJECTED, rejected.getMessage()));
        }
        return Optional.empty();
    }
}
