package io.caravan.platform.tenancy.api;

import io.caravan.platform.shared.api.Problem;
import io.caravan.platform.shared.api.ProblemTranslation;
import io.caravan.platform.shared.api.ProblemType;
import io.caravan.platform.tenancy.application.AccessRefusedException;
import io.caravan.platform.tenancy.application.OnboardingInProgressException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Tenancy's refusals as problem documents: not allowed (403), bad credentials (401), store suspended (403), a slug being onboarded (409). */
@ApplicationScoped
public class TenancyProblems implements ProblemTranslation {
    public static final ProblemType STORE_SUSPENDED = ProblemType.of("store-suspended", "Store suspended", 403);
    public static final ProblemType ONBOARDING_IN_PROGRESS =
            ProblemType.of("onboarding-in-progress", "Onboarding in progress", 409);

    @Override
    public Optional<Problem> toProblem(Throwable failure) {
        if (failure instanceof OnboardingInProgressException inProgress) {
            return Optional.of(Problem.of(ONBOARDING_IN_PROGRESS, inProgress.getMessage()));
        }
        return failure instanceof AccessRefusedException refused ? Optional.of(problem(refused)) : Optional.empty();
    }

    static Problem problem(AccessRefusedException refused) {
        ProblemType type = switch (refused.reason()) {
            case FORBIDDEN -> ProblemType.FORBIDDEN;
            case INVALID_CREDENTIALS -> ProblemType.INVALID_TOKEN;
            case STORE_SUSPENDED -> STORE_SUSPENDED;
        };
        return Problem.of(type, refused.getMessage());
    }
}
