package io.caravan.platform.identity.infrastructure;

import io.caravan.platform.identity.application.IdentityProvisioning;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when Keycloak answers: without it nobody can sign in and onboarding cannot run. */
@Readiness
@ApplicationScoped
public class KeycloakReadiness implements HealthCheck {
    @Inject
    IdentityProvisioning identity;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("keycloak")
                .status(identity.isReachable())
                .build();
    }
}
