package io.caravan.platform.it.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares the real servers the integration tests run against, once per failsafe run and before
 * Arquillian starts Liberty: Keycloak (started from the distribution the build unpacked) and, for
 * the PostgreSQL run, a fresh database with its owner and application roles; and the
 * {@link KeycloakProxy} through which the platform reaches Keycloak's admin API. Does nothing in
 * unit-test runs.
 */
public class IntegrationEnvironment implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("caravan.it")) {
            return;
        }
        if ("postgresql".equals(System.getProperty("caravan.it.db"))) {
            PostgresDatabase.recreate();
        }
        KeycloakServer.get();
        KeycloakProxy.get();
        PaymentGatewayServer.get();
    }
}
